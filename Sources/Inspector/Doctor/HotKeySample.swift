/// The outcome of the hot-key probe: under an LFU policy, `OBJECT FREQ` of a bounded sample of
/// the index; otherwise why it could not run.
public struct HotKeySample: Sendable, Hashable {
    /// The server's `maxmemory-policy` (nil when `CONFIG GET` was refused).
    public var policy: String?
    /// Keys asked, with their LFU counters, hottest first (empty without an LFU policy).
    public var frequencies: [(key: [UInt8], frequency: Int)] = []
    /// Keys asked `OBJECT FREQ` (or `OBJECT IDLETIME`, for the recent-use probe).
    public var sampled = 0
    /// Rounds of the recent-use probe when it ran instead of `OBJECT FREQ`: `frequencies` then
    /// count the rounds in which each key had been used within the last second.
    public var recentUseRounds: Int?

    public init(policy: String?) { self.policy = policy }

    /// True under `allkeys-lfu` / `volatile-lfu`.
    public var isLFU: Bool { policy?.hasSuffix("lfu") ?? false }

    public static func == (a: HotKeySample, b: HotKeySample) -> Bool {
        a.policy == b.policy && a.sampled == b.sampled && a.recentUseRounds == b.recentUseRounds && a.frequencies.map(\.key) == b.frequencies.map(\.key)
            && a.frequencies.map(\.frequency) == b.frequencies.map(\.frequency)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(policy)
        hasher.combine(sampled)
    }
}
