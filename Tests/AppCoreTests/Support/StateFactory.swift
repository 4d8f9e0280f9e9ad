import Inspector

@testable import AppCore

/// Builds app states with nodes fed from INFO text, as the sampler would.
enum StateFactory {
    static func info(hits: Int64, misses: Int64, commands: Int64, usedMemory: Int64 = 50_000_000, maxMemory: Int64 = 100_000_000, evicted: Int64 = 0, uptime: Int64 = 1000, role: String = "master")
        -> InfoSnapshot
    {
        InfoSnapshot(
            parsing: """
                # Server\r
                redis_version:7.0.15\r
                run_id:abc\r
                uptime_in_seconds:\(uptime)\r
                # Clients\r
                connected_clients:7\r
                blocked_clients:0\r
                # Memory\r
                used_memory:\(usedMemory)\r
                used_memory_rss:\(usedMemory + 1_000_000)\r
                maxmemory:\(maxMemory)\r
                maxmemory_policy:allkeys-lru\r
                mem_fragmentation_ratio:1.10\r
                # Persistence\r
                rdb_last_bgsave_status:ok\r
                # Stats\r
                total_commands_processed:\(commands)\r
                keyspace_hits:\(hits)\r
                keyspace_misses:\(misses)\r
                evicted_keys:\(evicted)\r
                expired_keys:0\r
                rejected_connections:0\r
                total_net_input_bytes:\(commands * 40)\r
                total_net_output_bytes:\(commands * 90)\r
                # Replication\r
                role:\(role)\r
                # Keyspace\r
                db0:keys=1200,expires=900,avg_ttl=0\r

                """)
    }

    /// A state with `addresses`, each fed `seconds` samples of a steady workload at `hitRatio`.
    static func state(addresses: [String], seconds: Int, hitRatio: Double = 0.95, width: Int = 160, height: Int = 48) -> AppState {
        var state = AppState(addresses: addresses, width: width, height: height)
        for t in 0..<seconds {
            for i in addresses.indices {
                let lookups = Int64(t) * 100
                let hits = Int64(Double(lookups) * hitRatio)
                let sample = NodeSample(time: Double(t), latency: 0.0002, info: info(hits: hits, misses: lookups - hits, commands: Int64(t) * 150, uptime: 1000 + Int64(t)))
                _ = AppUpdate.update(&state, .sampled(node: i, outcome: .sample(sample)))
            }
        }
        return state
    }
}
