extension FindingFacts {
    /// A key's name, type and `MEMORY USAGE`.
    public struct SizedKey: Sendable, Hashable {
        public var key: [UInt8]
        public var type: RedisKeyType
        public var memory: UInt64

        public init(key: [UInt8], type: RedisKeyType, memory: UInt64) {
            self.key = key
            self.type = type
            self.memory = memory
        }
    }

    /// Keys at or above the size threshold (the finding's `keyCount` of them).
    public struct OversizedKeys: Sendable, Hashable {
        /// The largest of them, largest first (at most ``DoctorFinding/maximumExamples``).
        public var largest: [SizedKey]
        /// The size from which a key is oversized, bytes.
        public var threshold: UInt64
        /// The largest key of each type present, in type order.
        public var largestByType: [SizedKey]

        public init(largest: [SizedKey], threshold: UInt64, largestByType: [SizedKey]) {
            self.largest = largest
            self.threshold = threshold
            self.largestByType = largestByType
        }
    }

    /// A prefix (the finding's `keyCount` keys, `memory` bytes) whose average entry is large.
    public struct OversizedPrefix: Sendable, Hashable {
        /// Average `MEMORY USAGE` per key.
        public var averageMemory: UInt64
        /// The largest key of the prefix and its `MEMORY USAGE`.
        public var largestKey: [UInt8]
        public var largestMemory: UInt64

        public init(averageMemory: UInt64, largestKey: [UInt8], largestMemory: UInt64) {
            self.averageMemory = averageMemory
            self.largestKey = largestKey
            self.largestMemory = largestMemory
        }
    }
}
