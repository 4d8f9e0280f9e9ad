/// What happened on a node between two samples, per second.
public struct NodeRates: Sendable, Equatable {
    /// Seconds between the two samples.
    public var interval: Double
    public var opsPerSecond: Double
    public var hitsPerSecond: Double
    public var missesPerSecond: Double
    /// Hits over lookups in this interval; nil when there were no lookups.
    public var hitRatio: Double?
    public var evictionsPerSecond: Double
    public var expirationsPerSecond: Double
    public var netInputBytesPerSecond: Double
    public var netOutputBytesPerSecond: Double
    public var rejectedConnectionsPerSecond: Double

    /// The rates between `previous` and `current`, or nil when they do not belong to one series:
    /// the server restarted (new run id, uptime went back) or a counter went down
    /// (`CONFIG RESETSTAT`). A new series starts there — never a negative rate.
    public init?(from previous: NodeSample, to current: NodeSample) {
        let dt = current.time - previous.time
        guard dt > 0 else { return nil }
        if let a = previous.runID, let b = current.runID, a != b { return nil }
        if current.uptimeSeconds < previous.uptimeSeconds { return nil }
        let pairs: [(Int64, Int64)] = [
            (previous.totalCommands, current.totalCommands),
            (previous.keyspaceHits, current.keyspaceHits),
            (previous.keyspaceMisses, current.keyspaceMisses),
            (previous.evictedKeys, current.evictedKeys),
            (previous.expiredKeys, current.expiredKeys),
            (previous.netInputBytes, current.netInputBytes),
            (previous.netOutputBytes, current.netOutputBytes),
            (previous.rejectedConnections, current.rejectedConnections),
        ]
        guard pairs.allSatisfy({ $0.1 >= $0.0 }) else { return nil }
        func rate(_ pair: (Int64, Int64)) -> Double { Double(pair.1 - pair.0) / dt }
        interval = dt
        opsPerSecond = rate(pairs[0])
        hitsPerSecond = rate(pairs[1])
        missesPerSecond = rate(pairs[2])
        let hits = pairs[1].1 - pairs[1].0
        let misses = pairs[2].1 - pairs[2].0
        hitRatio = hits + misses > 0 ? Double(hits) / Double(hits + misses) : nil
        evictionsPerSecond = rate(pairs[3])
        expirationsPerSecond = rate(pairs[4])
        netInputBytesPerSecond = rate(pairs[5])
        netOutputBytesPerSecond = rate(pairs[6])
        rejectedConnectionsPerSecond = rate(pairs[7])
    }
}
