import Foundation
import LocalRedis
import RESP
import RedisClient
import Synchronization
import Testing

@testable import Inspector

/// Real redis-server faults seen through the health sampler and the alert engine: evictions
/// under maxmemory, a replica losing its primary, a blocked server (DEBUG SLEEP, CLIENT PAUSE).
@Suite("Faults: a real server evicting, losing its primary, blocked", .timeLimit(.minutes(2)))
struct RealServerFaultTests {
    static func managed(_ server: LocalRedisServer, commandTimeout: Duration = .seconds(5)) -> ManagedConnection {
        ManagedConnection(
            options: ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port), commandTimeout: commandTimeout),
            policy: ReconnectPolicy(initialDelay: .milliseconds(50), maximumDelay: .milliseconds(300)))
    }

    static func sample(_ sampler: NodeSampler) async throws -> NodeSample {
        switch await sampler.sample() {
        case .sample(let sample): return sample
        case .failure(let error, _): throw SampleFailed(error: error)
        }
    }

    struct SampleFailed: Error { var error: String }

    @Test("maxmemory reached with allkeys-lru: evictions/s in the rates, evictions-high and memory-high alerts")
    func evictions() async throws {
        let server = try LocalRedisServer.start(["--maxmemory", "4mb", "--maxmemory-policy", "allkeys-lru"])
        defer { server.stop() }
        let connection = Self.managed(server)
        let sampler = NodeSampler(connection: connection)
        var node = NodeHealth(address: server.endpointDescription)
        var engine = AlertEngine()
        let first = try await Self.sample(sampler)
        node.record(first)
        engine.evaluate(node, at: first.time)
        let value = String(repeating: "v", count: 4096)
        for batch in 0..<4 {
            _ = try await connection.pipeline((0..<1000).map { RedisCommand("SET", "fill:\(batch):\($0)", value) })
        }
        try await Task.sleep(for: .milliseconds(300))
        let second = try await Self.sample(sampler)
        node.record(second)
        engine.evaluate(node, at: second.time)
        #expect(second.evictedKeys > 0)
        let rates = try #require(node.rates)
        #expect(rates.evictionsPerSecond > 10, "evictions/s \(rates.evictionsPerSecond)")
        #expect((second.memoryFraction ?? 0) > 0.9)
        #expect(second.maxMemoryPolicy == "allkeys-lru")
        let pending = engine.activeAlerts.map(\.rule.name)
        #expect(pending.contains("evictions-high") && pending.contains("memory-high"), "\(pending)")
        // Still breached five minutes on: the default rules fire.
        engine.evaluate(node, at: second.time + 301)
        let firing = engine.firing.map(\.rule.name)
        #expect(firing.contains("evictions-high") && firing.contains("memory-high"), "\(firing)")
        await connection.close()
    }

    @Test("a replica whose primary stops: link down in INFO, replication-link-down fires")
    func replicaLinkBreaks() async throws {
        let primary = try LocalRedisServer.start()
        defer { primary.stop() }
        let replica = try LocalRedisServer.start(["--replicaof", "127.0.0.1", "\(primary.port)"])
        defer { replica.stop() }
        let connection = Self.managed(replica)
        let sampler = NodeSampler(connection: connection)
        var node = NodeHealth(address: replica.endpointDescription)
        var engine = AlertEngine()
        let deadline = ContinuousClock.now + .seconds(20)
        var up: NodeSample?
        while ContinuousClock.now < deadline {
            let sample = try await Self.sample(sampler)
            if sample.replicationLinkUp == true {
                up = sample
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        let linked = try #require(up, "the replica never linked to its primary")
        #expect(linked.role == "slave")
        node.record(linked)
        engine.evaluate(node, at: linked.time)
        #expect(engine.activeAlerts.isEmpty)

        primary.stop()
        var down: NodeSample?
        while ContinuousClock.now < deadline + .seconds(10) {
            let sample = try await Self.sample(sampler)
            if sample.replicationLinkUp == false {
                down = sample
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        let broken = try #require(down, "the replica never noticed its primary was gone")
        #expect(broken.info["master_link_status"] == "down")
        node.record(broken)
        engine.evaluate(node, at: broken.time)
        #expect(engine.activeAlerts.contains { $0.rule.name == "replication-link-down" && $0.state == .pending })
        engine.evaluate(node, at: broken.time + 11)
        #expect(engine.firing.contains { $0.rule.name == "replication-link-down" && $0.rule.severity == .critical })
        // The replica itself is up: no node-unreachable alert.
        #expect(!engine.activeAlerts.contains { $0.rule.name == "node-unreachable" })
        await connection.close()
    }

    /// While one node is blocked, the monitor keeps sampling the other on schedule, the blocked
    /// node's sample ends in a timeout naming it, and it is sampled normally once it wakes.
    @Test("DEBUG SLEEP and CLIENT PAUSE: timeout on that node only, the other keeps its pace", arguments: ["sleep", "pause"])
    func blockedServer(_ how: String) async throws {
        let blocked = try LocalRedisServer.start(["--enable-debug-command", "yes"])
        defer { blocked.stop() }
        let healthy = try LocalRedisServer.start()
        defer { healthy.stop() }
        let connections = [Self.managed(blocked, commandTimeout: .seconds(1)), Self.managed(healthy, commandTimeout: .seconds(1))]
        let monitor = HealthMonitor(connections: connections, interval: .milliseconds(250))
        let outcomes = Mutex<[(node: Int, ok: Bool, error: String?, at: ContinuousClock.Instant)]>([])
        let run = Task {
            await monitor.run { index, outcome in
                switch outcome {
                case .sample: outcomes.withLock { $0.append((index, true, nil, .now)) }
                case .failure(let error, _): outcomes.withLock { $0.append((index, false, error, .now)) }
                }
            }
        }
        defer { run.cancel() }
        try await Task.sleep(for: .milliseconds(600))
        let other = try await RedisConnection.connect(ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: blocked.port), commandTimeout: .seconds(10)))
        let started = ContinuousClock.now
        if how == "sleep" {
            Task { _ = try? await other.send(RedisCommand("DEBUG", "SLEEP", "3")) }
        } else {
            _ = try await other.send(RedisCommand("CLIENT", "PAUSE", "3000"))
        }
        try await Task.sleep(for: .seconds(3.5))
        // Woken up: a normal sample again within a few seconds.
        let recovered = await { () async -> Bool in
            let deadline = ContinuousClock.now + .seconds(8)
            while ContinuousClock.now < deadline {
                if outcomes.withLock({ $0.contains { $0.node == 0 && $0.ok && $0.at > started + .seconds(3) } }) { return true }
                try? await Task.sleep(for: .milliseconds(50))
            }
            return false
        }()
        run.cancel()
        let seen = outcomes.withLock { $0 }
        let during = seen.filter { $0.at > started + .milliseconds(200) && $0.at < started + .seconds(3) }
        let timeouts = during.filter { $0.node == 0 && !$0.ok }
        #expect(!timeouts.isEmpty, "no timeout reported for the blocked node")
        // "timed out after 1 s (PING)", or after three in a row the reconnect's "(HELLO)".
        #expect(
            timeouts.allSatisfy { ($0.error ?? "").hasPrefix("\(blocked.endpointDescription): ") && ($0.error ?? "").contains("timed out after 1 s") },
            "\(timeouts.map(\.error))")
        // The healthy node went on at its pace (4/s): at least 6 samples in those ~2.8 s.
        #expect(during.filter { $0.node == 1 && $0.ok }.count >= 6, "healthy node samples: \(during.filter { $0.node == 1 }.count)")
        #expect(recovered, "the blocked node never answered again")
        await other.close()
        for connection in connections { await connection.close() }
    }
}
