import Foundation
import LocalRedis
import RESP
import Testing

@testable import RedisClient

@Suite("Cluster client connections across failovers", .serialized, .sharedCluster, .timeLimit(.minutes(2)))
struct ClusterConnectionCountTests {
    @Test("after each failover the client holds one connection per primary: the demoted primary's closes")
    func connectionsFollowPrimaries() async throws {
        let cluster = try SharedCluster.require()
        let name = "count-\(getpid())"
        var seed = cluster.primaries[0].options
        seed.clientName = name
        let client = ClusterClient(seeds: [seed], refreshInterval: .milliseconds(200), idleReplicaTimeout: .seconds(1))
        defer { Task { await client.close() } }
        try await client.connect()
        // One key in every shard, so each primary gets a connection.
        let keys = try cluster.primaries.map { primary in
            let slots = try #require(primary.slots)
            return try #require((0..<10_000).lazy.map { "count:\($0)" }.first { slots.contains(HashSlot.of($0)) })
        }
        @Sendable func touchEveryShard() async throws -> Bool {
            for key in keys { _ = try await client.send(RedisCommand("SET", key, "v")) }
            return true
        }
        /// Port → connections named `name` there, over every node (a node that does not answer counts none).
        @Sendable func connectionsByPort() async -> [Int: Int] {
            var counts: [Int: Int] = [:]
            for node in cluster.nodes {
                guard let admin = try? await RedisConnection.connect(node.options) else { continue }
                let list = (try? await admin.send(RedisCommand("CLIENT", "LIST")).string) ?? ""
                await admin.close()
                let mine = list.split(separator: "\n").filter { $0.contains(" name=\(name) ") }.count
                if mine > 0 { counts[node.port] = mine }
            }
            return counts
        }
        func primaryPorts() async -> [Int: Int] {
            Dictionary(uniqueKeysWithValues: await client.topology.primaries.map { ($0.endpoint.port, 1) })
        }

        #expect(try await touchEveryShard())
        var expected = await primaryPorts()
        let settled = await eventually(10) { await connectionsByPort() == expected }
        let first = await connectionsByPort()
        #expect(settled, "\(first) vs \(expected)")

        for shard in 0..<2 {
            let promoted = cluster.replicas(ofPrimary: shard)[0]
            let slot = try #require(cluster.primaries[shard].slots).lowerBound
            let admin = try await RedisConnection.connect(promoted.options)
            let reply = try await admin.send(RedisCommand("CLUSTER", "FAILOVER"))
            await admin.close()
            #expect(reply.errorMessage == nil, "\(reply)")
            // Until every node agrees: three primaries, the promoted one serving the slot.
            #expect(
                await eventually(20) {
                    let topology = await client.topology
                    return topology.shard(forSlot: slot)?.primary.endpoint == promoted.endpoint && topology.primaries.count == 3
                })
            expected = await primaryPorts()
            #expect(expected[promoted.port] == 1 && expected[cluster.primaries[shard].port] == nil)
            // Traffic follows the new primaries; the old one's connection goes once idle.
            let followed = await eventually(15) {
                guard try await touchEveryShard() else { return false }
                return await connectionsByPort() == expected
            }
            let now = await connectionsByPort()
            #expect(followed, "after failover \(shard + 1): \(now) vs \(expected)")
        }
    }
}
