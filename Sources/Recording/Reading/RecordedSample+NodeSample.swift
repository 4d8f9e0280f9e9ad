// A recorded sample as the dashboard's own sample type: an INFO snapshot made from the recorded figures.
import Inspector

extension RecordedSample {
    /// What the node looked like at `t`, as the live dashboard would have sampled it: `time` is
    /// seconds since the recording started (the replay's monotonic clock). The series number
    /// becomes the run id, so that rates are never made across a NULL gap.
    /// - Returns: a failure outcome when the node did not answer.
    public func outcome(state: RecordedNodeState?) -> SampleOutcome {
        let time = Double(t) / 1000
        if let error { return .failure(error: error, at: time) }
        var lines = [
            "# Server",
            "redis_version:\(state?.version ?? "?")",
            "run_id:replay-\(node)-\(series)",
            "uptime_in_seconds:\(t / 1000)",
            "# Clients",
            "connected_clients:\(clients ?? 0)",
            "blocked_clients:\(blocked ?? 0)",
            "# Memory",
            "used_memory:\(usedMemory ?? 0)",
            "maxmemory:\(state?.maxmemory ?? 0)",
            "maxmemory_policy:\(state?.policy ?? "?")",
            "# Stats",
            "total_commands_processed:\(ops)",
            "keyspace_hits:\(hits)",
            "keyspace_misses:\(misses)",
            "evicted_keys:\(evicted)",
            "expired_keys:\(expired)",
            "# Replication",
            "role:\(state?.role ?? "master")",
            "# Keyspace",
            "db0:keys=\(keys ?? 0),expires=0,avg_ttl=0",
        ]
        if state?.server == "valkey" {
            lines.insert(contentsOf: ["server_name:valkey", "valkey_version:\(state?.version ?? "?")"], at: 1)
        }
        let info = InfoSnapshot(parsing: lines.joined(separator: "\n"))
        return .sample(NodeSample(time: time, latency: Double(latencyMicroseconds ?? 0) / 1_000_000, info: info))
    }
}
