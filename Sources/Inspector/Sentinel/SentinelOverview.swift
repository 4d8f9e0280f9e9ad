import RedisClient

/// What the dashboard shows about a Sentinel group: the confirmed primary, each replica with its
/// link and lag, each sentinel up or down, the quorum, and whether a failover runs.
public struct SentinelOverview: Sendable, Hashable {
    /// A replica as shown.
    public struct Replica: Sendable, Hashable {
        public var address: String
        public var flags: [String]
        /// `ok`, `err`, or nil when the sentinel does not say.
        public var linkStatus: String?
        /// Bytes behind the primary's offset (nil when either offset is unknown).
        public var lagBytes: Int64?
        /// Milliseconds since the replica last answered a sentinel.
        public var lastReplyMilliseconds: Int64?
        public var isDown: Bool
    }

    /// A sentinel as shown.
    public struct Sentinel: Sendable, Hashable {
        public var address: String
        public var isUp: Bool
        public var flags: [String]
    }

    public var masterName: String
    /// `host:port` of the primary, as `NodeHealth.address` spells it.
    public var primaryAddress: String
    public var primaryFlags: [String]
    public var quorum: Int?
    public var quorumReachable: Bool
    public var quorumMessage: String
    public var failoverState: String?
    public var replicas: [Replica]
    public var sentinels: [Sentinel]
    /// The sentinel that answered the last refresh.
    public var answeredBy: String

    /// Summarises a topology.
    public init(_ topology: SentinelTopology) {
        masterName = topology.masterName
        primaryAddress = "\(topology.primary)"
        primaryFlags = topology.primaryFlags
        quorum = topology.quorum
        quorumReachable = topology.quorumReachable
        quorumMessage = topology.quorumMessage
        failoverState = topology.failoverState
        replicas = topology.replicas.map { replica in
            Replica(
                address: "\(replica.endpoint)", flags: replica.flags, linkStatus: replica.linkStatus,
                lagBytes: topology.primaryOffset.flatMap { primary in replica.offset.map { max(0, primary - $0) } },
                lastReplyMilliseconds: replica.lastReplyMilliseconds, isDown: replica.isDown)
        }
        sentinels = topology.sentinels.map { Sentinel(address: "\($0.endpoint)", isUp: $0.isUp, flags: $0.flags) }
        answeredBy = "\(topology.answeredBy)"
    }

    /// Every data node's address: the primary, then the replicas.
    public var addresses: [String] { [primaryAddress] + replicas.map(\.address) }

    /// The sentinels agree the primary is down.
    public var primaryObjectivelyDown: Bool { primaryFlags.contains("o_down") }

    /// A failover runs (flags or `failover-state`).
    public var failoverInProgress: Bool {
        primaryFlags.contains { $0.hasPrefix("failover_in_progress") } || (failoverState.map { $0 != "none" && !$0.isEmpty } ?? false)
    }

    /// Sentinels that answer.
    public var sentinelsUp: Int { sentinels.filter(\.isUp).count }
}

extension AlertEngine {
    /// Evaluates the rules on Sentinel metrics on the group (nil: the group could not be read;
    /// the alerts hold their state). The subject is the group's name.
    /// - Parameters:
    ///   - failoverRunning: the sentinels' events say a failover runs (even when the
    ///   last read of the group does not show it yet).
    ///   - primaryDown: the sentinels' events say the primary is objectively down.
    public mutating func evaluate(sentinel overview: SentinelOverview?, failoverRunning: Bool = false, primaryDown: Bool = false, at time: Double) {
        guard let overview else { return }
        for rule in rules where rule.metric.isSentinel {
            switch rule.metric {
            case .sentinelReplicaLagBytes:
                for replica in overview.replicas {
                    guard let lag = replica.lagBytes else { continue }
                    apply(rule, id: "\(rule.name)@\(replica.address)", subject: replica.address, value: Double(lag), at: time)
                }
            case .sentinelPrimaryDown:
                apply(rule, id: "\(rule.name)@\(overview.masterName)", subject: overview.masterName, value: overview.primaryObjectivelyDown || primaryDown ? 1 : 0, at: time)
            case .sentinelFailover:
                apply(rule, id: "\(rule.name)@\(overview.masterName)", subject: overview.masterName, value: overview.failoverInProgress || failoverRunning ? 1 : 0, at: time)
            case .sentinelQuorumUnreachable:
                apply(rule, id: "\(rule.name)@\(overview.masterName)", subject: overview.masterName, value: overview.quorumReachable ? 0 : 1, at: time)
            default:
                break
            }
        }
    }
}
