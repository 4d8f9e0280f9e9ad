// A prefix's key count, memory and keys without TTL: exact, or estimated with 95% intervals.

/// What the keys pane shows for a prefix (or the whole view): its key count, `MEMORY USAGE` sum
/// and keys without TTL. Exact when the walk finished and the index kept every key it passed and
/// looked each one up; otherwise each figure is an ``Estimate`` with its 95% interval.
public struct PrefixFigures: Sendable, Hashable {
    /// Keys under the prefix.
    public var keys: Estimate
    /// Their `MEMORY USAGE` sum, bytes. Nil while none of the prefix's keys is looked up yet.
    public var memory: Estimate?
    /// Those with no TTL. Nil while none of the prefix's keys is looked up yet.
    public var withoutTTL: Estimate?

    public init(keys: Estimate, memory: Estimate?, withoutTTL: Estimate?) {
        self.keys = keys
        self.memory = memory
        self.withoutTTL = withoutTTL
    }

    /// Whether every figure is exact.
    public var isExact: Bool { keys.isExact && memory?.isExact == true && withoutTTL?.isExact == true }
}
