/// What an alert rule watches on a node.
public enum AlertMetric: String, Sendable, Hashable, CaseIterable, Codable {
    /// Hits over lookups in the last interval (0…1).
    case hitRatio = "hit_ratio"
    /// Used memory over `maxmemory` (0…1); never breached on a node without a limit.
    case memoryFraction = "memory"
    case evictionsPerSecond = "evictions_per_second"
    case rejectedConnectionsPerSecond = "rejected_connections_per_second"
    /// PING round trip in milliseconds.
    case latencyMilliseconds = "latency_ms"
    /// 1 while the node does not answer.
    case unreachable = "unreachable"
    /// 1 while a replica's link to its primary is down.
    case replicationLinkDown = "replication_link_down"
    /// 1 while the last RDB save or AOF write failed.
    case persistenceFailed = "persistence_failed"
    /// 1 while a cluster node says `cluster_state:fail`.
    case clusterStateFail = "cluster_state_fail"
    /// Slots the node sees as failing or possibly failing (a cluster node down, not yet failed over).
    case clusterSlotsFailing = "cluster_slots_failing"
    /// The largest output buffer among the node's clients, in MB (`client_recent_max_output_buffer`):
    /// a client that stopped reading.
    case clientOutputBufferMB = "client_output_buffer_mb"
    /// On a primary: seconds since its slowest replica last acknowledged the stream.
    case replicaLagSeconds = "replica_lag_seconds"
    /// Sentinel mode: 1 while the sentinels agree the primary is down (`o_down`).
    case sentinelPrimaryDown = "sentinel_primary_odown"
    /// Sentinel mode: 1 while a failover runs.
    case sentinelFailover = "sentinel_failover"
    /// Sentinel mode: 1 while `SENTINEL CKQUORUM` says the quorum (or a majority) is not reachable.
    case sentinelQuorumUnreachable = "sentinel_quorum_unreachable"
    /// Sentinel mode: a replica's replication offset behind the primary's, in bytes.
    case sentinelReplicaLagBytes = "sentinel_replica_lag_bytes"

    /// Whether the metric is evaluated on the Sentinel group rather than on a node's samples.
    public var isSentinel: Bool {
        switch self {
        case .sentinelPrimaryDown, .sentinelFailover, .sentinelQuorumUnreachable, .sentinelReplicaLagBytes: return true
        default: return false
        }
    }

    /// Whether the metric is a yes/no condition (compared as 1 or 0).
    public var isCondition: Bool {
        switch self {
        case .unreachable, .replicationLinkDown, .persistenceFailed, .clusterStateFail: return true
        case .sentinelPrimaryDown, .sentinelFailover, .sentinelQuorumUnreachable: return true
        default: return false
        }
    }

    /// The metric's current value on `node`, or nil when it cannot be told (no lookups this
    /// interval, no `maxmemory`): nil keeps an alert in the state it is in.
    /// - Parameter lifetimeHitRatio: with no lookups in the interval, read the hit ratio since the
    ///   server started instead (a headless snapshot, which sees one interval only).
    public func value(on node: NodeHealth, lifetimeHitRatio: Bool = false) -> Double? {
        if self == .unreachable { return node.isDown ? 1 : (node.latest == nil ? nil : 0) }
        guard let sample = node.latest else { return nil }
        switch self {
        case .hitRatio: return node.rates?.hitRatio ?? (lifetimeHitRatio ? sample.lifetimeHitRatio : nil)
        case .memoryFraction: return sample.memoryFraction
        case .evictionsPerSecond: return node.rates?.evictionsPerSecond
        case .rejectedConnectionsPerSecond: return node.rates?.rejectedConnectionsPerSecond
        case .latencyMilliseconds: return sample.latency * 1000
        // A primary has no link to lose: 0, so an alert raised while it was a replica resolves on promotion.
        case .replicationLinkDown: return sample.replicationLinkUp.map { $0 ? 0 : 1 } ?? 0
        case .persistenceFailed: return sample.persistenceOK ? 0 : 1
        case .clusterStateFail: return sample.clusterState.map { $0 == "ok" ? 0 : 1 }
        case .clusterSlotsFailing: return sample.clusterSlotsFailing.map(Double.init)
        case .clientOutputBufferMB: return sample.info.int("client_recent_max_output_buffer").map { Double($0) / 1_048_576 }
        // A replica or a primary without replicas has no lag: 0, so an alert resolves on failover.
        case .replicaLagSeconds: return Double(ReplicationStatus(sample.info).worstLagSeconds ?? 0)
        case .unreachable: return nil
        case .sentinelPrimaryDown, .sentinelFailover, .sentinelQuorumUnreachable, .sentinelReplicaLagBytes: return nil
        }
    }
}
