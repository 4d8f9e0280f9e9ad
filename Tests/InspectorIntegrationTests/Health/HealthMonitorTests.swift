import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

/// The sampler against a real redis-server: figures equal the server's own, and the tool's
/// load is exactly one INFO and one PING per node per interval.
@Suite struct HealthMonitorTests {
    @Test func knownWorkloadGivesTheServersOwnHitRatio() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let options = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port))
        let driver = try await RedisConnection.connect(options)
        let managed = ManagedConnection(options: options)
        let monitor = HealthMonitor(connections: [managed], interval: .milliseconds(200))
        let first = await monitor.collect(count: 1)
        // 300 hits and 100 misses: 75%.
        _ = try await driver.pipeline([RedisCommand("SET", "user:1", "x")] + (0..<300).map { _ in RedisCommand("GET", "user:1") } + (0..<100).map { RedisCommand("GET", "user:missing:\($0)") })
        let second = await monitor.collect(count: 1)
        var node = NodeHealth(address: server.endpointDescription)
        var engine = AlertEngine(rules: [AlertRule(name: "hit-ratio-low", metric: .hitRatio, comparison: .below, threshold: 0.8, duration: 0)])
        for outcome in first[0] + second[0] {
            guard case .sample(let s) = outcome else {
                Issue.record("sample failed: \(outcome)")
                return
            }
            node.record(s)
            engine.evaluate(node, at: s.time)
        }
        let info = InfoSnapshot(parsing: try #require(try await driver.send(RedisCommand("INFO", "stats")).string))
        #expect(info.int("keyspace_hits") == 300)
        #expect(info.int("keyspace_misses") == 100)
        #expect(node.latest?.lifetimeHitRatio == 0.75)
        #expect(node.rates?.hitRatio == 0.75)
        #expect(engine.firing.map(\.rule.name) == ["hit-ratio-low"])
        await managed.close()
        await driver.close()
    }

    @Test func toolLoadIsExactlyOneInfoAndOnePingPerInterval() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let options = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port))
        let managed = ManagedConnection(options: options)
        _ = await managed.waitForAttempt()  // the handshake (HELLO, CLIENT SETNAME) is not per interval
        let observer = try await RedisConnection.connect(options)
        _ = try await observer.send(RedisCommand("CONFIG", "RESETSTAT"))
        let monitor = HealthMonitor(connections: [managed], interval: .milliseconds(100))
        let samples = await monitor.collect(count: 5)
        #expect(samples[0].count == 5)
        let stats = InfoSnapshot(parsing: try #require(try await observer.send(RedisCommand("INFO", "commandstats")).string))
        func calls(_ command: String) -> Int? {
            stats["cmdstat_\(command)"].flatMap { $0.split(separator: ",").first { $0.hasPrefix("calls=") } }.flatMap { Int($0.dropFirst(6)) }
        }
        // The observer's INFO is counted only once it has finished, so it is not in its own reply;
        // its CONFIG RESETSTAT is.
        #expect(calls("ping") == 5)
        #expect(calls("info") == 5)
        let others = stats.fields(in: "commandstats").map(\.0).filter { !["cmdstat_ping", "cmdstat_info"].contains($0) && !$0.hasPrefix("cmdstat_config") }
        #expect(others.isEmpty, "unexpected commands: \(others)")
        await managed.close()
        await observer.close()
    }

    @Test func nodeKilledAndRestartedIsSeenDownThenUp() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let options = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port))
        let managed = ManagedConnection(options: options, policy: ReconnectPolicy(initialDelay: .milliseconds(50), maximumDelay: .milliseconds(200)))
        let monitor = HealthMonitor(connections: [managed], interval: .milliseconds(100))
        var node = NodeHealth(address: server.endpointDescription)
        var engine = AlertEngine()
        func take(_ n: Int) async {
            for outcome in await monitor.collect(count: n)[0] {
                switch outcome {
                case .sample(let s): node.record(s)
                case .failure(let e, let t): node.recordFailure(e, at: t)
                }
                engine.evaluate(node, at: MonotonicClock.now())
            }
        }
        await take(2)
        #expect(!node.isDown)
        server.stop()
        await take(2)
        #expect(node.isDown)
        if case .down(_, let error) = node.reachability { #expect(error.contains("127.0.0.1:\(server.port)")) }
        #expect(engine.firing.contains { $0.rule.name == "node-unreachable" })
        try server.restart()
        var recovered = false
        for _ in 0..<50 where !recovered {
            try await Task.sleep(for: .milliseconds(100))
            await take(1)
            recovered = !node.isDown && node.latest != nil
        }
        #expect(recovered, "the node came back by itself")
        #expect(engine.resolved.contains { $0.rule.name == "node-unreachable" })
        await managed.close()
    }
}
