import Foundation
import LocalRedis
import NIOCore
import RESP
import Testing

@testable import RedisClient

@Suite("Cluster client against a local cluster", .serialized, .sharedCluster, .timeLimit(.minutes(1)))
struct ClusterClientTests {
    @Test("discovery from a replica's address finds three primaries with one replica each")
    func discoveryFromReplica() async throws {
        let cluster = try SharedCluster.require()
        let client = ClusterClient(seeds: [cluster.replicas[1].options])
        defer { Task { await client.close() } }
        let topology = try await client.connect()
        #expect(topology.primaries.count == 3)
        #expect(Set(topology.primaries.map(\.endpoint.port)) == Set(cluster.primaries.map(\.port)))
        #expect(topology.shards.allSatisfy { $0.replicas.count == 1 })
        #expect(topology.coveredSlots == 16384)
        #expect(topology.nodes.count == 6)
        #expect(topology.nodes.allSatisfy { $0.health != .failed && $0.id.count == 40 }, "\(topology.nodes.map { "\($0.id) \($0)" })")
        #expect(topology.slotCount(of: cluster.primaries[0].endpoint) == 5461)
    }

    @Test("discovery from several seeds when the first is dead")
    func discoveryWithDeadSeed() async throws {
        let cluster = try SharedCluster.require()
        let dead = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: 1), connectTimeout: .seconds(1))
        let client = ClusterClient(seeds: [dead, cluster.primaries[2].options])
        defer { Task { await client.close() } }
        let topology = try await client.connect()
        #expect(topology.primaries.count == 3)
        let allDead = ClusterClient(seeds: [dead])
        await #expect(throws: RedisError.self) { try await allDead.connect() }
        await allDead.close()
    }

    @Test("cluster mode is detected with INFO cluster")
    func detection() async throws {
        let cluster = try SharedCluster.require()
        #expect(try await ClusterClient.isClusterEnabled(cluster.primaries[0].options))
        let standalone = try LocalRedisServer.start()
        defer { standalone.stop() }
        #expect(try await !ClusterClient.isClusterEnabled(ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: standalone.port))))
    }

    @Test("keys land on their slot's primary; our slots agree with CLUSTER KEYSLOT")
    func routing() async throws {
        let cluster = try SharedCluster.require()
        let client = ClusterClient(seeds: [cluster.primaries[0].options])
        defer { Task { await client.close() } }
        try await client.connect()
        let direct = try await RedisConnection.connect(cluster.primaries[1].options)
        defer { Task { await direct.close() } }
        for key in ["123456789", "{user1000}.following", "{user1000}.followers", "user:1", "session:abc", "\u{1b}[31m"] {
            let slot = try await direct.send(RedisCommand("CLUSTER", "KEYSLOT", key)).int
            #expect(slot == Int64(HashSlot.of(key)), "slot of \(key)")
        }
        for i in 0..<200 {
            _ = try await client.send(RedisCommand("SET", "route:\(i)", "v\(i)"))
        }
        for i in stride(from: 0, to: 200, by: 37) {
            let key = "route:\(i)"
            let owner = try #require(await client.endpoint(forKey: Array(key.utf8)))
            let node = try await RedisConnection.connect(ConnectionOptions(endpoint: owner))
            #expect(try await node.send(RedisCommand("GET", key)).string == "v\(i)")
            await node.close()
            #expect(try await client.send(RedisCommand("GET", key)).string == "v\(i)")
        }
    }

    @Test("SCAN and DBSIZE through the cluster pipeline cover every primary; DEL splits by slot")
    func scanAll() async throws {
        let cluster = try SharedCluster.require()
        let client = ClusterClient(seeds: [cluster.primaries[0].options])
        defer { Task { await client.close() } }
        try await client.connect()
        _ = try await client.pipeline((0..<600).map { RedisCommand("SET", "scan:\($0)", "x") })
        var found = Set<[UInt8]>()
        var cursor: [UInt8] = Array("0".utf8)
        var calls = 0
        repeat {
            let reply = try await client.pipeline([RedisCommand(arguments: [Array("SCAN".utf8), cursor, Array("MATCH".utf8), Array("scan:*".utf8), Array("COUNT".utf8), Array("100".utf8)])])[0]
            let parts = try #require(reply.array)
            cursor = try #require(parts[0].bytes)
            for key in try #require(parts[1].array) { found.insert(try #require(key.bytes)) }
            calls += 1
        } while cursor != Array("0".utf8) && calls < 1000
        #expect(found.count == 600)
        let perNode = try await client.forEachPrimary { _, connection in try await connection.send(RedisCommand("DBSIZE")).int ?? 0 }
        #expect(perNode.count == 3)
        #expect(perNode.allSatisfy { $0 > 0 })
        let total = try await client.pipeline([RedisCommand("DBSIZE")])[0].int
        #expect(total == perNode.reduce(0, +))
        let deleted = try await client.pipeline([RedisCommand(arguments: [Array("DEL".utf8)] + (0..<50).map { Array("scan:\($0)".utf8) })])[0]
        #expect(deleted.int == 50)
        let mixed = try await client.pipeline([RedisCommand("GET", "scan:60"), RedisCommand("PING"), RedisCommand("EXISTS", "scan:1")])
        #expect(mixed[0].string == "x")
        #expect(mixed[2].int == 0)
    }

    @Test("MOVED and ASK during a live slot migration")
    func migration() async throws {
        let cluster = try SharedCluster.require()
        let client = ClusterClient(seeds: [cluster.primaries[0].options])
        defer { Task { await client.close() } }
        try await client.connect()
        let key = "migrating:{m1}"
        let slot = HashSlot.of(key)
        let sourceEndpoint = try #require(await client.endpoint(forSlot: slot))
        let source = try #require(cluster.primaries.first { $0.port == sourceEndpoint.port })
        let target = try #require(cluster.primaries.first { $0.port != sourceEndpoint.port })
        _ = try await client.send(RedisCommand("SET", key, "moved-value"))
        _ = try await client.send(RedisCommand("SET", "migrating:{m1}:stays", "on-source"))

        let sourceConnection = try await RedisConnection.connect(source.options)
        let targetConnection = try await RedisConnection.connect(target.options)
        defer {
            Task {
                await sourceConnection.close()
                await targetConnection.close()
            }
        }
        _ = try await targetConnection.send(RedisCommand("CLUSTER", "SETSLOT", slot, "IMPORTING", source.id))
        _ = try await sourceConnection.send(RedisCommand("CLUSTER", "SETSLOT", slot, "MIGRATING", target.id))
        _ = try await sourceConnection.send(RedisCommand("MIGRATE", "127.0.0.1", target.port, key, 0, 5000))

        // Mid-migration: the moved key is answered through ASK, the other from the source.
        #expect(try await client.send(RedisCommand("GET", key)).string == "moved-value")
        #expect(try await client.send(RedisCommand("GET", "migrating:{m1}:stays")).string == "on-source")
        #expect(await client.endpoint(forSlot: slot) == sourceEndpoint)  // ASK does not change the map
        let askingCalls = try await targetConnection.send(RedisCommand("INFO", "commandstats")).string ?? ""
        #expect(askingCalls.contains("cmdstat_asking:calls="))

        // Finish: move the other key, then hand the slot over everywhere; the client meets MOVED.
        _ = try await sourceConnection.send(RedisCommand("MIGRATE", "127.0.0.1", target.port, "migrating:{m1}:stays", 0, 5000))
        for node in cluster.primaries {
            let connection = try await RedisConnection.connect(node.options)
            _ = try await connection.send(RedisCommand("CLUSTER", "SETSLOT", slot, "NODE", target.id))
            await connection.close()
        }
        #expect(try await client.send(RedisCommand("GET", key)).string == "moved-value")
        #expect(await client.endpoint(forSlot: slot) == target.endpoint)
        #expect(try await client.send(RedisCommand("GET", "migrating:{m1}:stays")).string == "on-source")
        // The refresh MOVED asked for sees the new owner too.
        #expect(await eventually { try await client.refreshTopology().shard(forSlot: slot)?.primary.endpoint == target.endpoint })
    }

    @Test("reads go to a replica when asked")
    func replicaReads() async throws {
        let cluster = try SharedCluster.require()
        let client = ClusterClient(seeds: [cluster.primaries[0].options])
        defer { Task { await client.close() } }
        try await client.connect()
        let key = Array("replica:read".utf8)
        _ = try await client.send(RedisCommand("SET", key, "copied"), key: key)
        _ = try await client.send(RedisCommand("WAIT", 1, 2000), key: key)
        let replica = try #require(await client.endpoint(forSlot: HashSlot.of(key), replica: true))
        let primary = try #require(await client.endpoint(forKey: key))
        #expect(replica != primary)
        #expect(try await client.send(RedisCommand("GET", key), key: key, replica: true).string == "copied")
        let stats = try await client.sendReply(RedisCommand("INFO", "commandstats"), to: replica).string ?? ""
        #expect(stats.contains("cmdstat_get:calls="))
    }

    @Test("the sharded channel owner is the slot's primary")
    func channelOwner() async throws {
        let cluster = try SharedCluster.require()
        let client = ClusterClient(seeds: [cluster.primaries[0].options])
        defer { Task { await client.close() } }
        try await client.connect()
        let channel = Array("cache:invalidate".utf8)
        #expect(await client.endpoint(forChannel: channel) == client.endpoint(forSlot: HashSlot.of(channel)))
    }
}
