/// Everything cachescope knows about one node's health: reachability, the latest sample and
/// rates, and a bounded history for sparklines. Fed one `record` call per interval.
public struct NodeHealth: Sendable {
    /// Whether the node answered the last sample, and since when it has been in that state.
    public enum Reachability: Sendable, Equatable {
        case unknown
        case up(since: Double)
        case down(since: Double, error: String)
    }

    public let address: String
    public private(set) var reachability: Reachability = .unknown
    public private(set) var latest: NodeSample?
    public private(set) var rates: NodeRates?
    public private(set) var history: RingBuffer<HealthPoint>
    /// Hits and misses counted while cachescope watched, across restarts and resets.
    public private(set) var watchedHits: Int64 = 0
    public private(set) var watchedMisses: Int64 = 0
    /// Samples taken since the node came up (or since counters last reset).
    public private(set) var seriesLength = 0

    /// - Parameter historyCapacity: samples kept per node (3600 = one hour at 1 s).
    public init(address: String, historyCapacity: Int = 3600) {
        self.address = address
        self.history = RingBuffer(capacity: historyCapacity)
    }

    /// Records a successful sample and derives rates from the previous one.
    public mutating func record(_ sample: NodeSample) {
        if case .up = reachability {} else { reachability = .up(since: sample.time) }
        let newRates = latest.flatMap { NodeRates(from: $0, to: sample) }
        if let previous = latest, newRates != nil {
            watchedHits += sample.keyspaceHits - previous.keyspaceHits
            watchedMisses += sample.keyspaceMisses - previous.keyspaceMisses
            seriesLength += 1
        } else {
            seriesLength = 1
        }
        rates = newRates
        latest = sample
        history.append(HealthPoint(sample: sample, rates: newRates))
    }

    /// Records a failed sample: the node is down from the first failure on, with the newest error.
    public mutating func recordFailure(_ error: String, at time: Double) {
        switch reachability {
        case .down(let since, _): reachability = .down(since: since, error: error)
        default: reachability = .down(since: time, error: error)
        }
        rates = nil
        latest = nil  // the next success starts a new series
    }

    public var isDown: Bool { if case .down = reachability { return true } else { return false } }

    /// Hit ratio over everything cachescope has watched; nil before any lookup.
    public var watchedHitRatio: Double? {
        let total = watchedHits + watchedMisses
        return total > 0 ? Double(watchedHits) / Double(total) : nil
    }

    /// The history of one figure, oldest first, with nil where the series broke; only the newest
    /// `count` points when given (a sparkline never shows more than its width).
    public func series(last count: Int? = nil, _ value: (HealthPoint) -> Double?) -> [Double?] {
        guard let count else { return history.map(value) }
        return history.suffix(count).map(value)
    }
}
