import Foundation
import RESP
import Testing

@testable import LocalRedis
@testable import RedisClient

@Suite("Sentinel discovery", .serialized, .timeLimit(.minutes(1)))
struct SentinelDiscoveryTests {
    @Test("finds the primary (confirmed by ROLE), both replicas and the three sentinels; a sentinel down is listed down and the others answer")
    func discovery() async throws {
        let group = try LocalRedisSentinelGroup.start()
        defer { group.stop() }
        let client = SentinelClient(sentinels: group.sentinelOptions(), masterName: "mymaster", nodeOptions: ConnectionOptions())
        defer { Task { await client.close() } }
        let topology = try await client.discover()
        #expect(topology.primary == group.primary.sentinelEndpoint)
        #expect(Set(topology.replicas.map(\.endpoint)) == Set(group.replicas.map(\.sentinelEndpoint)))
        #expect(topology.replicas.allSatisfy { $0.linkStatus == "ok" && $0.offset != nil })
        let sentinelEndpoints = group.sentinels.map { RedisEndpoint(host: "127.0.0.1", port: $0.port) }
        #expect(Set(topology.sentinels.map(\.endpoint)) == Set(sentinelEndpoints))
        #expect(topology.sentinels.allSatisfy { $0.isUp })
        #expect(topology.quorum == 2)
        #expect(topology.quorumReachable)
        #expect(topology.primaryOffset != nil)
        #expect(topology.primaryFlags == ["master"])
        #expect(client.nodeOptions(for: topology.primary).endpoint == topology.primary)

        // The first sentinel stops: it is listed down, and the other two answer.
        group.sentinels[0].stop()
        let fresh = SentinelClient(sentinels: group.sentinelOptions(), masterName: "mymaster", nodeOptions: ConnectionOptions())
        defer { Task { await fresh.close() } }
        let again = try await fresh.discover()
        #expect(again.primary == group.primary.sentinelEndpoint)
        #expect(again.answeredBy != group.sentinels[0].endpoint)
        let down = try #require(again.sentinels.first { $0.endpoint == group.sentinels[0].endpoint })
        #expect(!down.isUp)
        #expect(again.sentinels.filter { $0.isUp }.count == 2)

        // A name no sentinel monitors: one line naming the ones they do.
        let wrong = SentinelClient(sentinels: group.sentinelOptions(), masterName: "nosuch", nodeOptions: ConnectionOptions())
        defer { Task { await wrong.close() } }
        let error = await #expect(throws: SentinelError.self) { try await wrong.discover() }
        #expect(error == .unknownMaster("nosuch", known: ["mymaster"]))
        #expect("\(error!)" == "the sentinels know no master named \"nosuch\" (they monitor: mymaster)")
        #expect(try await fresh.masters().map(\.name) == ["mymaster"])
    }

    @Test("no sentinel reachable: one line naming each sentinel tried")
    func noSentinel() async throws {
        let ports = try (0..<2).map { _ in try FreePort.find() }
        let options = ports.map { ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: $0)) }
        let client = SentinelClient(sentinels: options, masterName: "mymaster", nodeOptions: ConnectionOptions())
        defer { Task { await client.close() } }
        let error = await #expect(throws: SentinelError.self) { try await client.discover() }
        let text = "\(error!)"
        #expect(text.hasPrefix("no sentinel reachable ("))
        #expect(!text.contains("\n"))
        for port in ports { #expect(text.contains("127.0.0.1:\(port)")) }
    }

    @Test("sentinels with their own password and an ACL user, data nodes with another password")
    func credentials() async throws {
        let group = try LocalRedisSentinelGroup.start(replicas: 1, sentinels: 2, nodePassword: "node-secret", sentinelPassword: "sentinel-secret", sentinelUser: ("watcher", "watcher-secret"))
        defer { group.stop() }
        let nodes = ConnectionOptions(password: Secret("node-secret"))
        for (user, password) in [(nil, "sentinel-secret"), ("watcher", "watcher-secret")] {
            let sentinels = group.sentinelOptions(username: user, password: password)
            let client = SentinelClient(sentinels: sentinels, masterName: "mymaster", nodeOptions: nodes)
            let topology = try await client.discover()
            await client.close()
            #expect(topology.primary == group.primary.sentinelEndpoint)
            #expect(topology.sentinels.filter { $0.isUp }.count == 2)
        }
        // The sentinels' password does not open the data nodes, nor the other way round.
        let wrongNodes = SentinelClient(sentinels: group.sentinelOptions(password: "sentinel-secret"), masterName: "mymaster", nodeOptions: ConnectionOptions(password: Secret("sentinel-secret")))
        let nodeError = await #expect(throws: SentinelError.self) { try await wrongNodes.discover() }
        await wrongNodes.close()
        #expect("\(nodeError!)".contains("ROLE"))
        let wrongSentinels = SentinelClient(sentinels: group.sentinelOptions(password: "node-secret"), masterName: "mymaster", nodeOptions: nodes)
        let sentinelError = await #expect(throws: SentinelError.self) { try await wrongSentinels.discover() }
        await wrongSentinels.close()
        #expect("\(sentinelError!)".contains("WRONGPASS") || "\(sentinelError!)".contains("invalid"))
        #expect(!"\(sentinelError!)".contains("node-secret"))
    }
}

extension LocalRedisServer {
    var sentinelEndpoint: RedisEndpoint { RedisEndpoint(host: "127.0.0.1", port: port) }
}

extension LocalRedisSentinel {
    var endpoint: RedisEndpoint { RedisEndpoint(host: "127.0.0.1", port: port) }
}

extension LocalRedisSentinelGroup {
    func sentinelOptions(username: String? = nil, password: String? = nil) -> [ConnectionOptions] {
        sentinels.map { ConnectionOptions(endpoint: $0.endpoint, username: username, password: password.map { Secret($0) }) }
    }
}
