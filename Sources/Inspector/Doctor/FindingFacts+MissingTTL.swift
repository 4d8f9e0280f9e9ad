extension FindingFacts {
    /// A prefix's keys without TTL (the finding's `keyCount` and `memory`) among keys that mostly
    /// expire, and the TTL suggested for them.
    public struct MissingTTL: Sendable, Hashable {
        /// Keys in the prefix, and how many of them have a TTL.
        public var prefixKeys: Int
        /// Whether `prefixKeys` is exact on a weighed-up (estimated) finding: counted by the walk.
        public var prefixKeysExact = false
        public var expiringKeys: Int
        /// `MEMORY USAGE` of the whole prefix.
        public var prefixMemory: UInt64
        /// Remaining TTL of the expiring keys, seconds: the median and the 90th percentile.
        public var medianRemaining: Int64
        public var p90Remaining: Int64
        /// The TTL suggested for the keys without one, seconds, and its jitter (a fraction).
        public var suggestedTTL: Int64
        public var suggestedJitter: Double

        public init(
            prefixKeys: Int, expiringKeys: Int, prefixMemory: UInt64, medianRemaining: Int64, p90Remaining: Int64,
            suggestedTTL: Int64, suggestedJitter: Double
        ) {
            self.prefixKeys = prefixKeys
            self.expiringKeys = expiringKeys
            self.prefixMemory = prefixMemory
            self.medianRemaining = medianRemaining
            self.p90Remaining = p90Remaining
            self.suggestedTTL = suggestedTTL
            self.suggestedJitter = suggestedJitter
        }

        /// Share of the prefix's keys with a TTL (0 when empty).
        public var expiringShare: Double { prefixKeys > 0 ? Double(expiringKeys) / Double(prefixKeys) : 0 }
    }
}
