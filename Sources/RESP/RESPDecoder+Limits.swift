extension RESPDecoder {
    /// Bounds that keep a hostile or broken server from crashing the client or making it allocate
    /// without limit. Exceeding one throws ``RESPProtocolError``.
    public struct Limits: Sendable, Hashable {
        /// How deeply aggregates (arrays, maps, sets, pushes, attributes) may nest.
        public var maxDepth: Int
        /// The largest declared bulk string / verbatim string / blob error length (Redis' own
        /// `proto-max-bulk-len` default is 512 MiB).
        public var maxBulkLength: Int
        /// The largest declared element count of one aggregate (a map counts its keys and values).
        public var maxAggregateCount: Int
        /// The longest line (simple string, simple error, number) before its CRLF.
        public var maxLineLength: Int

        /// Creates limits; the defaults suit a dashboard talking to a real Redis.
        public init(
            maxDepth: Int = 128,
            maxBulkLength: Int = 512 * 1024 * 1024,
            maxAggregateCount: Int = 1 << 24,
            maxLineLength: Int = 64 * 1024
        ) {
            self.maxDepth = maxDepth
            self.maxBulkLength = maxBulkLength
            self.maxAggregateCount = maxAggregateCount
            self.maxLineLength = maxLineLength
        }

        /// The defaults.
        public static let `default` = Limits()
    }
}
