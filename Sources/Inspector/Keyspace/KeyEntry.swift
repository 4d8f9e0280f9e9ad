/// One key materialised for display: the bytes (unsanitised; the UI's `Sanitizer` shows them)
/// and what the index knows about it.
public struct KeyEntry: Sendable, Hashable {
    public var id: KeyID
    /// The exact key bytes: use these for every command about the key.
    public var key: [UInt8]
    public var type: RedisKeyType
    public var ttl: KeyTTL
    /// `MEMORY USAGE` in bytes (0 when unknown).
    public var memory: UInt64

    public init(id: KeyID, key: [UInt8], type: RedisKeyType, ttl: KeyTTL, memory: UInt64) {
        self.id = id
        self.key = key
        self.type = type
        self.ttl = ttl
        self.memory = memory
    }
}
