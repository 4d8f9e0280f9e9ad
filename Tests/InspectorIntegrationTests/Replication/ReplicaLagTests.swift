import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

/// A real primary and replica: the replica's process stopped (SIGSTOP, by pid) stops its acks,
/// its lag grows on the primary's side, and the replica-lag rule fires; it recovers on SIGCONT.
@Suite struct ReplicaLagTests {
    @Test func aStoppedReplicaShowsItsLagGrowingAndRaisesTheAlert() async throws {
        let primary = try LocalRedisServer.start()
        defer { primary.stop() }
        let replica = try LocalRedisServer.start(["--replicaof", "127.0.0.1", String(primary.port)])
        defer {
            kill(replica.pid, SIGCONT)
            replica.stop()
        }
        let options = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: primary.port))
        let connection = try await RedisConnection.connect(options)
        defer { Task { await connection.close() } }
        func status() async throws -> ReplicationStatus {
            ReplicationStatus(InfoSnapshot(parsing: try #require(try await connection.send(RedisCommand("INFO", "replication")).string)))
        }
        var current = try await status()
        for _ in 0..<100 where current.replicas.first?.state != "online" {
            try await Task.sleep(for: .milliseconds(100))
            current = try await status()
        }
        let link = try #require(current.replicas.first, "the replica never connected")
        #expect(link.address == "127.0.0.1:\(replica.port)")
        #expect(link.state == "online")

        #expect(kill(replica.pid, SIGSTOP) == 0)
        _ = try await connection.pipeline((0..<1000).map { RedisCommand("SET", "k\($0)", "v") })
        var rules = AlertRule.defaults.filter { $0.metric == .replicaLagSeconds }
        rules[0].threshold = 2
        var engine = AlertEngine(rules: rules)
        var node = NodeHealth(address: primary.endpointDescription)
        let sampler = NodeSampler(connection: ManagedConnection(options: options))
        for _ in 0..<60 {
            if case .sample(let sample) = await sampler.sample() {
                node.record(sample)
                engine.evaluate(node, at: sample.time)
            }
            if !engine.firing.isEmpty { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        current = try await status()
        let stalled = try #require(current.replicas.first)
        #expect(stalled.lagSeconds > 2, "lag \(stalled.lagSeconds) s")
        #expect(stalled.offsetLag > 0, "the replica has not acknowledged the 1000 writes")
        #expect(engine.firing.map(\.rule.name) == ["replica-lag"])

        #expect(kill(replica.pid, SIGCONT) == 0)
        for _ in 0..<100 {
            current = try await status()
            if let again = current.replicas.first, again.lagSeconds <= 1, again.offsetLag == 0 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(current.replicas.first?.offsetLag == 0, "caught up after SIGCONT")
    }
}
