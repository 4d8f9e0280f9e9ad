/// A threshold held for a duration: "hit ratio below 80% for 5 minutes".
public struct AlertRule: Sendable, Hashable, Codable {
    public enum Comparison: String, Sendable, Hashable, Codable {
        case below, above
    }

    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case warning, critical
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .critical }
    }

    /// A short identifier shown in the alert list, e.g. `hit-ratio-low`.
    public var name: String
    public var metric: AlertMetric
    public var comparison: Comparison
    public var threshold: Double
    /// Seconds the condition must hold before the alert fires (0 fires on the first breach).
    public var duration: Double
    public var severity: Severity
    /// One line for the alert list, e.g. "hit ratio below 80% for 5m".
    public var summary: String

    public init(name: String, metric: AlertMetric, comparison: Comparison, threshold: Double, duration: Double, severity: Severity = .warning, summary: String? = nil) {
        self.name = name
        self.metric = metric
        self.comparison = comparison
        self.threshold = threshold
        self.duration = duration
        self.severity = severity
        self.summary = summary ?? AlertRule.describe(metric: metric, comparison: comparison, threshold: threshold, duration: duration)
    }

    /// Whether `value` breaches this rule.
    public func isBreached(by value: Double) -> Bool {
        switch comparison {
        case .below: return value < threshold
        case .above: return value > threshold
        }
    }

    /// The classic cache rules (the seed article's Prometheus rules) plus the node-level ones.
    public static let defaults: [AlertRule] = [
        AlertRule(name: "hit-ratio-low", metric: .hitRatio, comparison: .below, threshold: 0.8, duration: 300),
        AlertRule(name: "memory-high", metric: .memoryFraction, comparison: .above, threshold: 0.9, duration: 300),
        AlertRule(name: "evictions-high", metric: .evictionsPerSecond, comparison: .above, threshold: 10, duration: 300),
        AlertRule(name: "node-unreachable", metric: .unreachable, comparison: .above, threshold: 0.5, duration: 0, severity: .critical),
        AlertRule(name: "replication-link-down", metric: .replicationLinkDown, comparison: .above, threshold: 0.5, duration: 10, severity: .critical),
        AlertRule(name: "rejected-connections", metric: .rejectedConnectionsPerSecond, comparison: .above, threshold: 0, duration: 0),
        AlertRule(name: "persistence-failed", metric: .persistenceFailed, comparison: .above, threshold: 0.5, duration: 0, severity: .critical),
        AlertRule(name: "cluster-state-fail", metric: .clusterStateFail, comparison: .above, threshold: 0.5, duration: 0, severity: .critical),
        AlertRule(name: "cluster-slots-failing", metric: .clusterSlotsFailing, comparison: .above, threshold: 0, duration: 0),
        AlertRule(name: "client-output-buffer", metric: .clientOutputBufferMB, comparison: .above, threshold: 32, duration: 0),
        AlertRule(name: "replica-lag", metric: .replicaLagSeconds, comparison: .above, threshold: 10, duration: 0),
    ]

    /// The rules of a Sentinel session, added to the others when the nodes are reached through sentinels.
    public static let sentinelDefaults: [AlertRule] = [
        AlertRule(name: "sentinel-primary-odown", metric: .sentinelPrimaryDown, comparison: .above, threshold: 0.5, duration: 0, severity: .critical),
        AlertRule(name: "sentinel-failover", metric: .sentinelFailover, comparison: .above, threshold: 0.5, duration: 0, severity: .critical),
        AlertRule(name: "sentinel-quorum", metric: .sentinelQuorumUnreachable, comparison: .above, threshold: 0.5, duration: 0, severity: .critical),
        AlertRule(name: "sentinel-replica-lag", metric: .sentinelReplicaLagBytes, comparison: .above, threshold: 1_048_576, duration: 10),
    ]

    static func describe(metric: AlertMetric, comparison: Comparison, threshold: Double, duration: Double) -> String {
        let what: String
        switch metric {
        case .hitRatio: what = "hit ratio \(comparison) \(Formatting.percent(threshold))"
        case .memoryFraction: what = "memory \(comparison) \(Formatting.percent(threshold)) of maxmemory"
        case .evictionsPerSecond: what = "evictions \(comparison) \(Formatting.number(threshold))/s"
        case .rejectedConnectionsPerSecond: what = comparison == .above && threshold == 0 ? "connections rejected" : "rejected connections \(comparison) \(Formatting.number(threshold))/s"
        case .latencyMilliseconds: what = "latency \(comparison) \(Formatting.number(threshold)) ms"
        case .unreachable: what = "node unreachable"
        case .replicationLinkDown: what = "replication link down"
        case .persistenceFailed: what = "last persistence failed"
        case .clusterStateFail: what = "cluster state not ok"
        case .clusterSlotsFailing: what = "cluster slots failing"
        case .clientOutputBufferMB: what = "a client's output buffer \(comparison) \(Formatting.number(threshold)) MB"
        case .replicaLagSeconds: what = "replica lag \(comparison) \(Formatting.number(threshold)) s"
        case .sentinelPrimaryDown: what = "sentinels see the primary down"
        case .sentinelFailover: what = "failover in progress"
        case .sentinelQuorumUnreachable: what = "sentinel quorum not reachable"
        case .sentinelReplicaLagBytes: what = "replica offset \(comparison) \(Formatting.bytes(threshold)) behind"
        }
        return duration > 0 ? "\(what) for \(Formatting.duration(duration))" : what
    }
}
