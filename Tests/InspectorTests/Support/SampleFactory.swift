@testable import Inspector

/// Builds `NodeSample`s from a few INFO fields, as a real server would report them.
enum SampleFactory {
    static func sample(
        at time: Double,
        commands: Int64 = 0, hits: Int64 = 0, misses: Int64 = 0, evicted: Int64 = 0, expired: Int64 = 0,
        rejected: Int64 = 0, usedMemory: Int64 = 1_000_000, maxMemory: Int64 = 0, uptime: Int64 = 100,
        runID: String = "run-a", role: String = "master", linkStatus: String? = nil, rdbStatus: String = "ok",
        latency: Double = 0.0002
    ) -> NodeSample {
        var text = """
            # Server\r
            redis_version:7.0.15\r
            run_id:\(runID)\r
            uptime_in_seconds:\(uptime)\r
            # Clients\r
            connected_clients:3\r
            blocked_clients:0\r
            # Memory\r
            used_memory:\(usedMemory)\r
            maxmemory:\(maxMemory)\r
            maxmemory_policy:allkeys-lru\r
            # Persistence\r
            rdb_last_bgsave_status:\(rdbStatus)\r
            aof_last_write_status:ok\r
            # Stats\r
            total_commands_processed:\(commands)\r
            keyspace_hits:\(hits)\r
            keyspace_misses:\(misses)\r
            evicted_keys:\(evicted)\r
            expired_keys:\(expired)\r
            rejected_connections:\(rejected)\r
            total_net_input_bytes:0\r
            total_net_output_bytes:0\r
            # Replication\r
            role:\(role)\r

            """
        if let linkStatus { text += "master_link_status:\(linkStatus)\r\n" }
        text += "# Keyspace\r\ndb0:keys=10,expires=4,avg_ttl=0\r\ndb3:keys=2,expires=0,avg_ttl=0\r\n"
        return NodeSample(time: time, latency: latency, info: InfoSnapshot(parsing: text))
    }
}
