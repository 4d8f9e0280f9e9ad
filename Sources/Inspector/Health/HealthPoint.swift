/// One point of a node's history: what the overview charts for one sample.
/// Rates are nil on the first sample of a series (after start, a restart or a counter reset).
public struct HealthPoint: Sendable, Equatable {
    public var time: Double
    public var opsPerSecond: Double?
    public var hitRatio: Double?
    public var hitsPerSecond: Double?
    public var missesPerSecond: Double?
    public var evictionsPerSecond: Double?
    public var expirationsPerSecond: Double?
    public var usedMemory: Double
    public var memoryFraction: Double?
    public var connectedClients: Double
    public var latency: Double

    public init(sample: NodeSample, rates: NodeRates?) {
        time = sample.time
        opsPerSecond = rates?.opsPerSecond
        hitRatio = rates?.hitRatio
        hitsPerSecond = rates?.hitsPerSecond
        missesPerSecond = rates?.missesPerSecond
        evictionsPerSecond = rates?.evictionsPerSecond
        expirationsPerSecond = rates?.expirationsPerSecond
        usedMemory = Double(sample.usedMemory)
        memoryFraction = sample.memoryFraction
        connectedClients = Double(sample.connectedClients)
        latency = sample.latency
    }
}
