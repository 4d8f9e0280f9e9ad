extension FindingFacts {
    /// The hottest keys of a bounded sample, and how their heat was measured.
    public struct HotKeys: Sendable, Hashable {
        /// How heat was measured.
        public enum Measure: Sendable, Hashable {
            /// `OBJECT FREQ` under an LFU policy; a key's count is its LFU counter.
            case lfuCounter(median: Int)
            /// The recent-use probe: a key's count is the rounds it was used within the second.
            case recentUse(rounds: Int)
        }

        /// A hot key and its count (see ``Measure``).
        public struct Key: Sendable, Hashable {
            public var key: [UInt8]
            public var count: Int

            public init(key: [UInt8], count: Int) {
                self.key = key
                self.count = count
            }
        }

        public var measure: Measure
        /// The hot keys, hottest first.
        public var keys: [Key]
        /// Keys asked.
        public var sampledKeys: Int
        /// The server's `maxmemory-policy`, nil when `CONFIG GET` was refused.
        public var policy: String?

        public init(measure: Measure, keys: [Key], sampledKeys: Int, policy: String?) {
            self.measure = measure
            self.keys = keys
            self.sampledKeys = sampledKeys
            self.policy = policy
        }
    }
}
