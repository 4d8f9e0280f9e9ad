extension FindingFacts {
    /// What the eviction policy cannot do, with the server's eviction settings and memory.
    public struct EvictionPressure: Sendable, Hashable {
        public enum Problem: Sendable, Hashable {
            /// A `volatile-*` policy while `share` of the `keys` analysed have no TTL (the
            /// finding's `keyCount` and `memory`): little or nothing can be evicted.
            case volatileWithoutTTL(share: Double, keys: Int)
            /// `noeviction` near `maxmemory`: writes will fail with OOM.
            case noEvictionNearLimit
            /// An `allkeys-*` policy at the limit: the cache is evicting, as designed.
            case allKeysEvicting
        }

        public var problem: Problem
        /// The policy (never nil here), `maxmemory` and used memory.
        public var context: EvictionContext

        public init(problem: Problem, context: EvictionContext) {
            self.problem = problem
            self.context = context
        }

        /// The `maxmemory-policy`.
        public var policy: String { context.policy ?? "" }
    }
}
