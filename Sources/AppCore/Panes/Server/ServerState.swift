import Inspector
import TerminalUI

/// The server pane's state: the newest snapshot of the current node (slow log, clients,
/// latency), which section has focus, each section's sort and selection.
public struct ServerState: Sendable {
    /// The node being polled (an index into `AppState.nodes`); nil before the pane is first shown.
    public var node: Int?
    public var snapshot: ServerSnapshot?
    /// Monotonic seconds when `snapshot` arrived.
    public var updatedAt: Double?
    /// Why the last refresh failed, if it did (the previous snapshot stays shown).
    public var error: String?
    public var section: ServerSection = .slowlog
    /// The slow log section shows this `COMMANDLOG` kind instead of `SLOWLOG` (`c` cycles; Valkey 8.1+).
    public var logKind: CommandLog.Kind?
    /// Per section, an index into `ServerSection.sortNames`.
    public var sort: [ServerSection: Int] = [:]
    /// The polled node's newest `INFO all` from the health samples, for per-command totals and
    /// replication.
    public var info: InfoSnapshot?
    /// Per replica address, its offset lag (bytes) at each sample, oldest first, for sparklines.
    public var replicaLagHistory: [String: [Double]] = [:]

    /// How many samples of lag history are kept per replica.
    public static let lagHistoryLength = 60

    /// Whether the replication section is shown: the node has replicas, or is one.
    public var showsReplication: Bool {
        if shardPrimaries.values.contains(where: { !ReplicationStatus($0).replicas.isEmpty }) { return true }
        guard let info else { return false }
        let status = ReplicationStatus(info)
        return status.isReplica || !status.replicas.isEmpty
    }

    /// Whether the hot-slots section is shown: the node is in a cluster and answers `CLUSTER SLOT-STATS`.
    public var showsHotSlots: Bool { snapshot?.hotSlots != nil }

    /// Whether `section` is shown now (replication and hot slots only where they apply).
    public func shows(_ section: ServerSection) -> Bool {
        switch section {
        case .replication: showsReplication
        case .slots: showsHotSlots
        default: true
        }
    }

    /// In a cluster: every primary's newest INFO, by address, so the replication section shows
    /// each shard's replicas.
    public var shardPrimaries: [String: InfoSnapshot] = [:]

    /// Takes the node's newest INFO: replication lag joins the history.
    public mutating func record(_ info: InfoSnapshot) {
        self.info = info
        recordLag(ReplicationStatus(info))
    }

    /// Takes a cluster primary's newest INFO (every sample of every primary).
    public mutating func recordShard(_ address: String, _ info: InfoSnapshot) {
        shardPrimaries[address] = info
        recordLag(ReplicationStatus(info))
    }

    private mutating func recordLag(_ status: ReplicationStatus) {
        for replica in status.replicas {
            replicaLagHistory[replica.address] = (replicaLagHistory[replica.address] ?? []).suffix(Self.lagHistoryLength - 1) + [Double(replica.offsetLag)]
        }
    }
    /// Per section, the table selection.
    public var tables: [ServerSection: TableState] = [:]
    /// The clients grouped and flagged, from the newest snapshot (and the one before, for
    /// growing query buffers).
    public var clientsReport: ClientsReport?
    /// When clients are flagged (the config's `[clients]`).
    public var clientThresholds: ClientThresholds
    /// The clients section lists groups (`v` toggles) instead of single clients.
    public var showsClientGroups = false
    /// The clients section's `/` filter, and the filter being typed.
    public var clientFilter: ClientFilter?
    public var clientFilterInput: InputLineState?

    public init(clientThresholds: ClientThresholds = .default) {
        self.clientThresholds = clientThresholds
    }

    /// The sort index of `section` (0, the default, when never cycled).
    public func sortIndex(_ section: ServerSection) -> Int { sort[section] ?? 0 }

    /// The selection of `section`.
    public func table(_ section: ServerSection) -> TableState { tables[section] ?? TableState(selected: 0) }
}
