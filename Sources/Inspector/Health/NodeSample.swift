/// One look at a node: the figures cachescope reads from a single `INFO` reply plus the
/// round-trip time of a `PING`, taken at `time` (seconds on a monotonic clock).
public struct NodeSample: Sendable, Equatable {
    public var time: Double
    /// Round-trip time of the PING, in seconds.
    public var latency: Double
    public var info: InfoSnapshot

    public init(time: Double, latency: Double, info: InfoSnapshot) {
        self.time = time
        self.latency = latency
        self.info = info
    }

    // MARK: counters (monotonic while the server lives; a drop means reset or restart)
    public var totalCommands: Int64 { info.int("total_commands_processed") ?? 0 }
    public var keyspaceHits: Int64 { info.int("keyspace_hits") ?? 0 }
    public var keyspaceMisses: Int64 { info.int("keyspace_misses") ?? 0 }
    public var evictedKeys: Int64 { info.int("evicted_keys") ?? 0 }
    public var expiredKeys: Int64 { info.int("expired_keys") ?? 0 }
    public var netInputBytes: Int64 { info.int("total_net_input_bytes") ?? 0 }
    public var netOutputBytes: Int64 { info.int("total_net_output_bytes") ?? 0 }
    public var rejectedConnections: Int64 { info.int("rejected_connections") ?? 0 }

    // MARK: gauges
    public var usedMemory: Int64 { info.int("used_memory") ?? 0 }
    public var usedMemoryRSS: Int64 { info.int("used_memory_rss") ?? 0 }
    /// `maxmemory`, or nil when the server has no limit (0).
    public var maxMemory: Int64? { info.int("maxmemory").flatMap { $0 > 0 ? $0 : nil } }
    public var maxMemoryPolicy: String? { info["maxmemory_policy"] }
    public var fragmentationRatio: Double? { info.double("mem_fragmentation_ratio") }
    public var connectedClients: Int64 { info.int("connected_clients") ?? 0 }
    public var blockedClients: Int64 { info.int("blocked_clients") ?? 0 }
    public var role: String { info["role"] ?? "?" }
    /// The server's own version (Valkey's, not the `redis_version` it reports for compatibility).
    public var version: String { info.serverVersion ?? "?" }
    /// `redis` or `valkey`.
    public var serverName: String { info.serverName }
    public var uptimeSeconds: Int64 { info.int("uptime_in_seconds") ?? 0 }
    public var runID: String? { info["run_id"] }
    public var isClusterEnabled: Bool { info["cluster_enabled"] == "1" }
    /// `cluster_state` from `CLUSTER INFO` (`ok` or `fail`); nil outside a cluster.
    public var clusterState: String? { info["cluster_state"] }
    /// Slots this node sees as failing or possibly failing (`cluster_slots_fail` + `cluster_slots_pfail`).
    public var clusterSlotsFailing: Int64? {
        guard let fail = info.int("cluster_slots_fail") else { return nil }
        return fail + (info.int("cluster_slots_pfail") ?? 0)
    }

    /// Used memory as a fraction of `maxmemory`, nil without a limit.
    public var memoryFraction: Double? {
        guard let max = maxMemory else { return nil }
        return Double(usedMemory) / Double(max)
    }

    /// Hit ratio since the server started (or since `CONFIG RESETSTAT`); nil before any lookup.
    public var lifetimeHitRatio: Double? {
        let total = keyspaceHits + keyspaceMisses
        return total > 0 ? Double(keyspaceHits) / Double(total) : nil
    }

    /// For a replica: whether its link to the primary is up. nil on a primary.
    public var replicationLinkUp: Bool? {
        guard role == "slave" || role == "replica" else { return nil }
        return info["master_link_status"] == "up"
    }

    /// For a replica: seconds since it last heard from its primary.
    public var replicationLastIOSeconds: Int64? { info.int("master_last_io_seconds_ago") }

    /// For a primary: the largest lag, in bytes of replication offset, among its replicas.
    public var replicaOffsetLag: Int64? {
        guard let own = info.int("master_repl_offset") else { return nil }
        var worst: Int64?
        for (field, value) in info.fields(in: "replication") where field.hasPrefix("slave") && field.dropFirst(5).allSatisfy(\.isNumber) {
            // slave0:ip=…,port=…,state=online,offset=123,lag=0
            for part in value.split(separator: ",") where part.hasPrefix("offset=") {
                if let off = Int64(part.dropFirst(7)) { worst = max(worst ?? 0, own - off) }
            }
        }
        return worst
    }

    /// Whether the last RDB save and the last AOF write both succeeded.
    public var persistenceOK: Bool {
        let rdb = info["rdb_last_bgsave_status"] ?? "ok"
        let aofWrite = info["aof_last_write_status"] ?? "ok"
        let aofRewrite = info["aof_last_bgrewrite_status"] ?? "ok"
        return rdb == "ok" && aofWrite == "ok" && aofRewrite == "ok"
    }

    /// Keys per database from the keyspace section (`db0:keys=1,expires=0,avg_ttl=0`).
    public var keysPerDatabase: [(db: Int, keys: Int64, expires: Int64)] {
        info.fields(in: "keyspace").compactMap { field, value in
            guard field.hasPrefix("db"), let db = Int(field.dropFirst(2)) else { return nil }
            var keys: Int64 = 0
            var expires: Int64 = 0
            for part in value.split(separator: ",") {
                if part.hasPrefix("keys=") { keys = Int64(part.dropFirst(5)) ?? 0 }
                if part.hasPrefix("expires=") { expires = Int64(part.dropFirst(8)) ?? 0 }
            }
            return (db, keys, expires)
        }
    }

    /// Total keys over every database.
    public var totalKeys: Int64 { keysPerDatabase.reduce(0) { $0 + $1.keys } }
}
