/// One row of the namespace tree: a folder (every key sharing a prefix up to a delimiter) or a key.
public struct NamespaceNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A prefix ending with the delimiter, e.g. `user:42:`. Pass `prefix` to `children(of:)`.
        case folder(prefix: [UInt8])
        /// A key with no further delimiter after its parent's prefix.
        case key(KeyID)
    }

    public var kind: Kind
    /// The segment after the parent's prefix, without the trailing delimiter (e.g. `42`), as bytes.
    public var name: [UInt8]
    /// Keys in this folder at every depth (1 for a key).
    public var keyCount: Int
    /// Sum of `MEMORY USAGE` over those keys.
    public var memory: UInt64
    /// How many of those keys have no TTL.
    public var persistentCount: Int
    /// For a key: its TTL; for a folder: `.unknown`.
    public var ttl: KeyTTL
    /// For a key: its type; for a folder: `.unknown`.
    public var type: RedisKeyType

    public init(kind: Kind, name: [UInt8], keyCount: Int, memory: UInt64, persistentCount: Int, ttl: KeyTTL, type: RedisKeyType) {
        self.kind = kind
        self.name = name
        self.keyCount = keyCount
        self.memory = memory
        self.persistentCount = persistentCount
        self.ttl = ttl
        self.type = type
    }

    public var isFolder: Bool {
        if case .folder = kind { return true }
        return false
    }
}
