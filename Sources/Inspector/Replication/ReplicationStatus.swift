// Replication at a glance, from INFO replication: a primary's replicas with their lag, a replica's link and sync.

/// What `INFO replication` says of a node's replication.
public struct ReplicationStatus: Sendable, Hashable {
    /// One replica as its primary sees it (`slave0:ip=…,port=…,state=online,offset=…,lag=…`).
    public struct Replica: Sendable, Hashable {
        /// `ip:port`.
        public var address: String
        /// `online`, `wait_bgsave` (a full sync is being prepared), `send_bulk` (being sent), …
        public var state: String
        /// The replication offset the replica acknowledged.
        public var offset: Int64
        /// Bytes of replication stream the replica is behind its primary.
        public var offsetLag: Int64
        /// Seconds since the replica last acknowledged (it acks every second while healthy).
        public var lagSeconds: Int64

        /// Whether a full sync (RDB transfer) is in progress for it.
        public var isSyncing: Bool { state == "wait_bgsave" || state == "send_bulk" }
    }

    /// `master` or `slave`, as the server says.
    public var role: String
    /// The primary's replication offset (`master_repl_offset`).
    public var offset: Int64?
    /// On a primary: its replicas.
    public var replicas: [Replica]
    /// On a replica: its primary's address, link state and seconds since it last heard from it.
    public var primaryAddress: String?
    public var linkUp: Bool?
    public var lastIOSeconds: Int64?
    /// On a replica during a full sync: bytes read of the total (the total is -1 or 0 while unknown).
    public var syncReadBytes: Int64?
    public var syncTotalBytes: Int64?

    /// Reads the replication fields of `info`.
    public init(_ info: InfoSnapshot) {
        role = info["role"] ?? "?"
        let own = info.int("master_repl_offset")
        offset = own
        var replicas: [Replica] = []
        for (field, value) in info.fields(in: "replication") where field.hasPrefix("slave") && !field.dropFirst(5).isEmpty && field.dropFirst(5).allSatisfy(\.isNumber) {
            var parts: [Substring: Substring] = [:]
            for part in value.split(separator: ",") {
                guard let equals = part.firstIndex(of: "=") else { continue }
                parts[part[..<equals]] = part[part.index(after: equals)...]
            }
            let acknowledged = parts["offset"].flatMap { Int64($0) } ?? 0
            replicas.append(
                Replica(
                    address: "\(parts["ip"] ?? "?"):\(parts["port"] ?? "?")", state: String(parts["state"] ?? "?"), offset: acknowledged,
                    offsetLag: max(0, (own ?? acknowledged) - acknowledged), lagSeconds: parts["lag"].flatMap { Int64($0) } ?? 0))
        }
        self.replicas = replicas
        if let host = info["master_host"], let port = info["master_port"] { primaryAddress = "\(host):\(port)" }
        linkUp = info["master_link_status"].map { $0 == "up" }
        lastIOSeconds = info.int("master_last_io_seconds_ago")
        if info["master_sync_in_progress"] == "1" {
            syncReadBytes = info.int("master_sync_read_bytes")
            syncTotalBytes = info.int("master_sync_total_bytes")
        }
    }

    /// Whether this node is a replica.
    public var isReplica: Bool { role == "slave" || role == "replica" }

    /// On a replica: the fraction of a full sync read, when one is in progress and its size known.
    public var syncProgress: Double? {
        guard let read = syncReadBytes, let total = syncTotalBytes, total > 0 else { return nil }
        return min(1, Double(read) / Double(total))
    }

    /// The replica furthest behind, by seconds since its last acknowledgement.
    public var worstLagSeconds: Int64? { replicas.map(\.lagSeconds).max() }
}
