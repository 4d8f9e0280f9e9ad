// The estimated figures of one namespace prefix (e.g. "user:"), for the tree and the snapshot.

/// One row of the estimated namespace tree.
public struct PrefixEstimate: Sendable, Hashable {
    /// The prefix bytes up to and including the delimiter, e.g. `user:` or `user:profile:`.
    public var prefix: [UInt8]
    /// 1 for `user:`, 2 for `user:profile:`.
    public var depth: Int
    /// Keys under the prefix.
    public var keys: Estimate
    /// Sum of `MEMORY USAGE` of those keys, in bytes.
    public var memory: Estimate
    /// Those keys without a TTL.
    public var withoutTTL: Estimate
    /// Keys by type (point estimates; they add up to `keys.value`).
    public var types: [RedisKeyType: Double]
    /// The `other` row under the parent `prefix`: the keys of its folders the walk's counters
    /// folded together (``PrefixCounter``); `depth` is its folders' depth.
    public var isOther = false

    public init(prefix: [UInt8], depth: Int, keys: Estimate, memory: Estimate, withoutTTL: Estimate, types: [RedisKeyType: Double]) {
        self.prefix = prefix
        self.depth = depth
        self.keys = keys
        self.memory = memory
        self.withoutTTL = withoutTTL
        self.types = types
    }
}
