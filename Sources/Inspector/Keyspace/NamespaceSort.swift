/// How the namespace tree and the flat list order their rows.
public enum NamespaceSort: Sendable, Hashable, CaseIterable {
    /// By key bytes (folders and keys interleaved in byte order).
    case name
    /// Largest total `MEMORY USAGE` first.
    case memory
    /// Keys: soonest expiry first, keys without a TTL last. Folders: most keys without a TTL first
    /// (the anti-pattern the TTL column is there to find).
    case ttl
}
