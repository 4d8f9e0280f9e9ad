// The configuration parameters `cachescope snapshot --json` records, so that two snapshots can be diffed.
import RESP
import RedisClient

/// The cache-relevant parameters a snapshot reads with one `CONFIG GET`. An allow-list, never
/// `CONFIG GET *`: that would carry `requirepass` and `masterauth` into a file.
public enum SnapshotConfig {
    /// Memory and eviction, expiry, clients, persistence, threads and the latency tooling.
    public static let parameters = [
        "maxmemory", "maxmemory-policy", "maxmemory-samples", "maxmemory-eviction-tenacity", "lfu-log-factor", "lfu-decay-time",
        "active-expire-effort", "lazyfree-lazy-eviction", "lazyfree-lazy-expire", "lazyfree-lazy-user-del", "activedefrag",
        "maxclients", "timeout", "tcp-keepalive", "client-output-buffer-limit", "hz", "appendonly", "appendfsync", "save",
        "notify-keyspace-events", "io-threads", "slowlog-log-slower-than", "latency-monitor-threshold", "cluster-node-timeout",
    ]

    /// The parameters' values (one command: Redis 7 and Valkey take several names); nil when
    /// the server refuses `CONFIG` (a managed service, an ACL) or the connection fails.
    public static func read(from connection: ManagedConnection) async -> [String: String]? {
        guard let reply = try? await connection.send(RedisCommand("CONFIG", arguments: (["GET"] + parameters).map { $0 as any RedisArgument })), reply.errorMessage == nil,
            let pairs = reply.pairs
        else { return nil }
        var values: [String: String] = [:]
        for pair in pairs {
            guard let name = pair.key.string, let value = pair.value.string else { continue }
            values[name] = value
        }
        return values
    }
}
