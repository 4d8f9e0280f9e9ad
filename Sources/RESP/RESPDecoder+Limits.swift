extension RESPDecoder {
    /// Bounds that keep a hostile or broken server from crashing the client or making it allocate
    /// without limit. Exceeding one throws ``RESPProtocolError``.
    public struct Limits: Sendable, Hashable {
        /// How deeply aggregates (arrays, maps, sets, pushes, attributes) may nest.
        public var maxDepth: Int
        /// The largest declared bulk string / verbatim string / blob error length. A longer
        /// declaration is refused on its header line, before any of its bytes are read or held.
        public var maxBulkLength: Int
        /// The largest declared element count of one aggregate (a map counts its keys and values).
        public var maxAggregateCount: Int
        /// The longest line (simple string, simple error, number) before its CRLF.
        public var maxLineLength: Int

        /// The default ``maxBulkLength``: 128 MiB, a quarter of Redis' own `proto-max-bulk-len`.
        ///
        /// Why this is enough: string values are read in pages (`GETRANGE`), so the only large single
        /// replies are a `DUMP` kept for undo and one element of a hash, list, set or sorted set.
        /// Undo DUMPs a key only when its `MEMORY USAGE` is at most half this bound (64 MiB, the
        /// default undo budget); a DUMP is the key's serialised form, no larger than its memory
        /// for strings, and this leaves twice that for estimates of sampled aggregates. An element
        /// over 128 MiB cannot be shown: reading it fails with this error and the connection reconnects.
        public static let defaultMaxBulkLength = 128 << 20

        /// Creates limits; the defaults suit a dashboard talking to a real Redis.
        public init(
            maxDepth: Int = 128,
            maxBulkLength: Int = Limits.defaultMaxBulkLength,
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
