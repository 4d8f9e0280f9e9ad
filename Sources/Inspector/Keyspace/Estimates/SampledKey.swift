// One key in a sample, with what its lookups said: the unit the estimator counts.

/// A key a partial walk returned, looked up (`TYPE`, `PTTL`, `MEMORY USAGE`). Bytes stay bytes:
/// the name only decides which prefixes the key counts towards.
public struct SampledKey: Sendable, Hashable {
    /// The key's exact bytes.
    public var key: [UInt8]
    public var type: RedisKeyType
    /// No TTL (`PTTL` -1).
    public var withoutTTL: Bool
    /// `MEMORY USAGE` in bytes (0 when unknown).
    public var memory: UInt64
    /// The hash slot the key's walk unit was (its `HashSlot`; 0 outside slot sampling).
    public var slot: Int

    public init(key: [UInt8], type: RedisKeyType, withoutTTL: Bool, memory: UInt64, slot: Int = 0) {
        self.key = key
        self.type = type
        self.withoutTTL = withoutTTL
        self.memory = memory
        self.slot = slot
    }
}
