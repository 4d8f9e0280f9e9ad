/// Adapts `SCAN COUNT` to the server's latency: measures each SCAN's round trip, halves the
/// count and inserts a pause while the median is high, and grows back slowly once it is calm.
/// Pure state; the scanner feeds it round trips.
public struct ScanThrottle: Sendable {
    public let policy: ScanLoadPolicy
    /// The `COUNT` to use for the next SCAN.
    public private(set) var count: Int
    /// Seconds to wait before the next SCAN (0 when calm).
    public private(set) var pause: Double = 0
    /// The fastest SCAN round trip seen (or a seeded value).
    public private(set) var baseline: Double?
    /// The network's share of a round trip: the fastest round trip of a command that does no
    /// work (DBSIZE), or nil. The absolute limit applies to the time above it, so a server 150 ms
    /// away is not mistaken for a struggling one.
    public private(set) var networkFloor: Double?
    private var recent = RingBuffer<Double>(capacity: 9)
    private var calmStreak = 0

    public init(policy: ScanLoadPolicy) {
        self.policy = policy
        self.count = policy.maxCount
    }

    /// True while backing off.
    public var isThrottled: Bool { count < policy.maxCount || pause > 0 }

    /// The median of the recent round trips, seconds.
    public var medianRoundTrip: Double? {
        guard !recent.isEmpty else { return nil }
        let sorted = recent.sorted()
        return sorted[sorted.count / 2]
    }

    /// Seeds the baseline with a round trip known to be calm.
    public mutating func seedBaseline(_ seconds: Double) {
        baseline = Swift.min(baseline ?? seconds, seconds)
    }

    /// Records the round trip of a command that costs the server nothing (the network floor).
    public mutating func seedNetworkFloor(_ seconds: Double) {
        networkFloor = Swift.min(networkFloor ?? seconds, seconds)
    }

    /// Records one SCAN round trip and adjusts `count` and `pause`.
    public mutating func record(roundTrip seconds: Double) {
        baseline = Swift.min(baseline ?? seconds, seconds)
        recent.append(seconds)
        guard recent.count >= 3, let median = medianRoundTrip else { return }
        let relative = median > policy.baselineMultiplier * (baseline ?? median) && median > policy.significantLatency
        if relative || median - (networkFloor ?? 0) > policy.absoluteLatencyLimit {
            count = Swift.max(policy.minCount, count / 2)
            pause = Swift.min(0.25, Swift.max(pause * 2, median))
            calmStreak = 0
            recent.removeAll()  // judge the new setting on fresh samples
        } else {
            calmStreak += 1
            pause = calmStreak >= 3 ? 0 : pause / 2
            if calmStreak >= 5 && count < policy.maxCount {
                count = Swift.min(policy.maxCount, count + Swift.max(1, count / 4))
                calmStreak = 0
            }
        }
    }
}
