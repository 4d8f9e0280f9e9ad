import Foundation
import LocalRedis
import NIOCore
import RESP
import Testing

@testable import RedisClient

/// Pub/sub in a cluster: a classic channel published on one node reaches a subscriber on another
/// (the cluster broadcasts it), and a sharded channel is served by the primary owning its slot,
/// while any other node redirects the subscription.
@Suite("Cluster pub/sub", .serialized, .sharedCluster, .timeLimit(.minutes(1)))
struct ClusterPubSubTests {
    @Test("PUBLISH on one node reaches SUBSCRIBE on another; SPUBLISH reaches SSUBSCRIBE at the slot owner")
    func classicAndSharded() async throws {
        let cluster = try SharedCluster.require()
        let client = ClusterClient(seeds: [cluster.primaries[0].options])
        defer { Task { await client.close() } }
        try await client.connect()

        // Classic: subscribe on a replica of shard 2, publish through shard 0's primary.
        let listener = SubscriberConnection(options: cluster.replicas(ofPrimary: 2)[0].options)
        await listener.subscribe([Array("cache:invalidate".utf8)], kind: .channel)
        let publisher = try await RedisConnection.connect(cluster.primaries[0].options)
        #expect(
            await eventually(10) {
                _ = try await publisher.send(RedisCommand("PUBLISH", "cache:invalidate", "user:1"))
                return listener.inbox.totalReceived > 0
            })
        let classic = listener.inbox.drain()
        #expect(classic.messages.contains { String(buffer: $0.payload) == "user:1" && $0.kind == .channel })

        // Sharded: the owner of the channel's slot serves it.
        let channel = Array("orders:{eu}".utf8)
        let owner = try #require(await client.endpoint(forChannel: channel))
        #expect(owner == (await client.endpoint(forKey: Array("{eu}".utf8))), "the hashtag decides the slot")
        let sharded = SubscriberConnection(options: await client.connectionOptions(for: owner))
        await sharded.subscribe([channel], kind: .shardChannel)
        #expect(
            await eventually(10) {
                _ = try await client.send(RedisCommand("SPUBLISH", "orders:{eu}", "shipped"), key: channel)
                return sharded.inbox.totalReceived > 0
            })
        let received = sharded.inbox.drain()
        #expect(received.messages.contains { String(buffer: $0.payload) == "shipped" && $0.kind == .shardChannel })

        // Anywhere else the cluster answers SSUBSCRIBE with MOVED.
        let elsewhere = try #require(cluster.primaries.first { $0.port != owner.port })
        let plain = try await RedisConnection.connect(elsewhere.options)
        let refused = try await plain.pipeline([RedisCommand("SSUBSCRIBE", "orders:{eu}")])
        #expect(refused.first?.errorMessage?.hasPrefix("MOVED") == true)

        await plain.close()
        await publisher.close()
        await listener.close()
        await sharded.close()
    }
}
