extension FindingFacts {
    /// Sampled keys of a prefix (the finding's `keyCount` of them) holding the finding's
    /// `fieldNames`; names only, never values.
    public struct Secrets: Sendable, Hashable {
        /// Keys of the prefix looked into.
        public var sampledKeys: Int
        /// Where the names were found, each source once, in declaration order.
        public var sources: [SecretSample.Source]

        public init(sampledKeys: Int, sources: [SecretSample.Source]) {
            self.sampledKeys = sampledKeys
            self.sources = sources
        }
    }
}
