extension FindingFacts {
    /// One suspicious lock key and why it is suspicious.
    public struct StaleLock: Sendable, Hashable {
        /// Why a lock looks left behind.
        public enum Reason: Sendable, Hashable {
            /// No TTL: a crashed holder keeps everyone waiting forever.
            case noTTL
            /// More TTL left than a lock should live.
            case longTTL(secondsLeft: Int64)
            /// Not touched for long (`OBJECT IDLETIME`).
            case idle(seconds: Int64)
        }

        /// The lock's TTL as the index knew it.
        public enum TTL: Sendable, Hashable {
            case unknown
            case none
            case left(seconds: Int64)
        }

        public var key: [UInt8]
        public var type: RedisKeyType
        public var ttl: TTL
        /// `OBJECT IDLETIME` seconds, nil when the lock was not sampled.
        public var idleSeconds: Int64?
        public var reasons: [Reason]
        /// Suspicious locks beyond the listed ones, counted on the last listed (0 on the others).
        public var notListed: Int

        public init(key: [UInt8], type: RedisKeyType, ttl: TTL, idleSeconds: Int64?, reasons: [Reason], notListed: Int = 0) {
            self.key = key
            self.type = type
            self.ttl = ttl
            self.idleSeconds = idleSeconds
            self.reasons = reasons
            self.notListed = notListed
        }
    }
}
