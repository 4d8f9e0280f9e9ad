/// The server's eviction settings and memory, from `CONFIG GET` and `INFO memory`.
public struct EvictionContext: Sendable, Hashable {
    /// `maxmemory-policy`, nil when `CONFIG GET` was refused.
    public var policy: String?
    /// `maxmemory` in bytes (0 = no limit), nil when unknown.
    public var maxMemory: UInt64?
    /// `used_memory` in bytes, nil when unknown.
    public var usedMemory: UInt64?

    public init(policy: String?, maxMemory: UInt64?, usedMemory: UInt64?) {
        self.policy = policy
        self.maxMemory = maxMemory
        self.usedMemory = usedMemory
    }

    /// used / max, when both are known and a limit is set.
    public var memoryShare: Double? {
        guard let maxMemory, maxMemory > 0, let usedMemory else { return nil }
        return Double(usedMemory) / Double(maxMemory)
    }
}
