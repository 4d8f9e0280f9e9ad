import Foundation
import LocalRedis
import RESP
import Testing

@testable import RedisClient

@Suite("Cluster failover during a session", .serialized, .sharedCluster, .timeLimit(.minutes(1)))
struct ClusterFailoverTests {
    @Test("a primary killed by pid: its replica is promoted and the client keeps serving reads and writes")
    func failover() async throws {
        let cluster = try SharedCluster.require()
        let client = ClusterClient(seeds: [cluster.primaries[0].options, cluster.primaries[1].options], refreshInterval: .seconds(1))
        defer { Task { await client.close() } }
        try await client.connect()
        let key = "failover:{f}"
        _ = try await client.send(RedisCommand("SET", key, "before"))
        let ownerEndpoint = try #require(await client.endpoint(forKey: Array(key.utf8)))
        let index = try #require(cluster.primaries.firstIndex { $0.port == ownerEndpoint.port })
        let victim = cluster.primaries[index]
        let replica = cluster.replicas(ofPrimary: index)[0]
        // The write must be on the replica before the primary dies.
        _ = try await client.send(RedisCommand("WAIT", 1, 2000), key: Array(key.utf8))

        let pid = victim.pid
        #expect(kill(pid, SIGKILL) == 0)
        victim.server.stop()  // reaps it

        // Reads and writes come back once the replica is promoted (node timeout 1 s).
        #expect(await eventually(20) { try await client.send(RedisCommand("GET", key)).string == "before" })
        #expect(await eventually(10) { try await client.send(RedisCommand("SET", key, "after")).string == "OK" })
        #expect(try await client.send(RedisCommand("GET", key)).string == "after")
        #expect(await client.endpoint(forKey: Array(key.utf8)) == replica.endpoint)
        let topology = await client.topology
        #expect(topology.shard(forSlot: HashSlot.of(key))?.primary.endpoint == replica.endpoint)
        // The change was reported.
        let slot = HashSlot.of(key)
        #expect(await firstChange(in: client.topologyChanges, within: 5) { $0.shard(forSlot: slot)?.primary.endpoint == replica.endpoint })
    }
}

/// Whether `stream` delivers a topology matching `predicate` within `seconds`.
func firstChange(in stream: AsyncStream<ClusterTopology>, within seconds: Double, _ predicate: @escaping @Sendable (ClusterTopology) -> Bool) async -> Bool {
    await withTaskGroup(of: Bool.self) { group in
        group.addTask {
            for await topology in stream where predicate(topology) { return true }
            return false
        }
        group.addTask {
            try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            return false
        }
        let first = await group.next() ?? false
        group.cancelAll()
        return first
    }
}
