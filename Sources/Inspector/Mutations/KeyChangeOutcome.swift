/// What the server answered to `EXPIRE` or `PERSIST` on one key, with the key's TTL read back in
/// the same pipeline, so the key row updates from the server's answer rather than from a guess.
public struct KeyChangeOutcome: Sendable, Hashable {
    /// The key.
    public let key: [UInt8]
    /// `EXPIRE` or `PERSIST`.
    public let command: String
    /// Whether the server changed anything (reply 1): 0 means the key is gone (EXPIRE) or had no
    /// TTL (PERSIST).
    public let changed: Bool
    /// `PTTL` after the change: milliseconds left, -1 no TTL, -2 the key does not exist.
    public let pttl: Int64
    /// The TTL as the keyspace index stores it (nil when the key does not exist), taken at `readAt`.
    public let ttl: KeyTTL?
    /// Wall-clock milliseconds since the epoch when the TTL was read.
    public let readAt: Int64
}
