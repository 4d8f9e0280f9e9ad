import RESP
import RedisClient

/// Takes one sample of one node: a timed `PING` (round-trip latency), then one `INFO all`.
/// Exactly these two commands per sample — the tool's own load is known and small.
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
            return .sample(NodeSample(time: MonotonicClock.now(), latency: latency, info: InfoSnapshot(parsing: text)))
        } catch {
            return .failure(error: "\(error)", at: MonotonicClock.now())
        }
    }
}
