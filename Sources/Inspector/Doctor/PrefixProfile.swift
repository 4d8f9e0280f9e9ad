/// What one pass over the index learned about one top-level prefix (`user:` for `user:42`,
/// empty for keys without the delimiter).
public struct PrefixProfile: Sendable, Hashable {
    /// The prefix bytes, delimiter included (`[]` for keys without a delimiter).
    public var prefix: [UInt8]
    /// Live keys in the prefix.
    public var keyCount = 0
    /// Whether ``keyCount`` is exact though the index held a sample: a completed walk counted
    /// every name it returned (``KeyspaceView/exactKeyCount(ofPrefix:)``).
    public var keyCountExact = false
    /// Keys with a TTL.
    public var expiringCount = 0
    /// Keys without TTL.
    public var persistentCount = 0
    /// `MEMORY USAGE` sum over the prefix.
    public var memory: UInt64 = 0
    /// `MEMORY USAGE` sum over the keys without TTL.
    public var persistentMemory: UInt64 = 0
    /// The first few keys without TTL.
    public var persistentExamples: [[UInt8]] = []
    /// The largest key in the prefix and its size.
    public var largestKey: [UInt8] = []
    public var largestMemory: UInt64 = 0
    /// Most keys expiring within any one-second window, and within any one-minute window.
    public var peakPerSecond = 0
    public var peakPerMinute = 0
    /// Deadline (ms since the epoch) at the start of the busiest one-second window.
    public var peakSecondStart: Int64 = 0
    /// Median remaining TTL of the expiring keys, seconds.
    public var medianRemaining: Int64 = 0
    /// A high percentile (90th) of the remaining TTLs, seconds: a base for a suggested TTL.
    public var p90Remaining: Int64 = 0
    /// Remaining TTLs binned for the bar chart.
    public var histogram = TTLHistogram(binSeconds: 1, counts: [])
    /// Examples of the keys in the busiest one-second window.
    public var waveExamples: [[UInt8]] = []

    public init(prefix: [UInt8]) { self.prefix = prefix }

    /// Share of the prefix's keys with a TTL (0 when empty).
    public var expiringShare: Double { keyCount > 0 ? Double(expiringCount) / Double(keyCount) : 0 }
    /// Average `MEMORY USAGE` per key.
    public var averageMemory: UInt64 { keyCount > 0 ? memory / UInt64(keyCount) : 0 }
}
