import RESP
import RedisClient

/// Takes one sample of one node: a timed `PING` (round-trip latency), then one `INFO all`.
/// Exactly these two commands per sample — the tool's own load is known and small — plus, on a
/// cluster node, one `CLUSTER INFO` (its fields join the snapshot under `# ClusterInfo`).
public struct NodeSampler: Sendable {
    public let connection: ManagedConnection

    public init(connection: ManagedConnection) {
        self.connection = connection
    }

    /// Samples the node now; a failure carries the error text (endpoint included, no password).
    public func sample() async -> SampleOutcome {
        do {
            let started = ContinuousClock.now
            let pong = try await connection.send(RedisCommand("PING"))
            let latency = MonotonicClock.seconds(ContinuousClock.now - started)
            if let message = pong.errorMessage { return .failure(error: "\(connection.endpoint): \(message)", at: MonotonicClock.now()) }
            let reply = try await connection.send(RedisCommand("INFO", "all"))
            guard let text = reply.string ?? reply.bytes.map({ String(decoding: $0, as: UTF8.self) }) else {
                return .failure(error: "\(connection.endpoint): INFO returned an unexpected reply", at: MonotonicClock.now())
            }
            var snapshot = InfoSnapshot(parsing: text)
            if snapshot["cluster_enabled"] == "1" {
                let cluster = try await connection.send(RedisCommand("CLUSTER", "INFO"))
                if let clusterText = cluster.string ?? cluster.bytes.map({ String(decoding: $0, as: UTF8.self) }) {
                    snapshot.append(parsing: "# ClusterInfo\r\n" + clusterText)
                }
            }
            return .sample(NodeSample(time: MonotonicClock.now(), latency: latency, info: snapshot))
        } catch {
            return .failure(error: "\(error)", at: MonotonicClock.now())
        }
    }
}
