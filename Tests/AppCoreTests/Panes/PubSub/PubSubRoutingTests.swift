import Inspector
import RedisClient
import Testing

@testable import AppCore

/// Where `:sub`/`:ssub` subscribe: the current node, except a sharded channel in a cluster,
/// which goes to the primary serving its slot.
@Suite("Pub/Sub routing")
struct PubSubRoutingTests {
    static func node(_ port: Int, _ role: ClusterNode.Role) -> ClusterNode {
        ClusterNode(id: "n\(port)", endpoint: RedisEndpoint(host: "127.0.0.1", port: port), role: role, health: .online)
    }

    @Test("a sharded channel goes to its slot's primary; plain channels stay on the current node")
    func shardedToOwner() throws {
        let topology = ClusterTopology(shards: [
            ClusterShard(primary: Self.node(7000, .primary), replicas: [Self.node(7003, .replica)], slotRanges: [0...8191]),
            ClusterShard(primary: Self.node(7001, .primary), replicas: [Self.node(7004, .replica)], slotRanges: [8192...16383]),
        ])
        var state = AppState(addresses: ["127.0.0.1:7000", "127.0.0.1:7003", "127.0.0.1:7001", "127.0.0.1:7004"])
        state.cluster = ClusterOverview(topology)
        state.focusedNode = 1
        // "foo" hashes to slot 12182, "{user1000}…" to 3443 (as CLUSTER KEYSLOT says).
        #expect(HashSlot.of("foo") == 12182)
        #expect(PubSubRouting.node(for: .shardChannel, name: Array("foo".utf8), in: state.paneContext) == 2)
        #expect(PubSubRouting.node(for: .shardChannel, name: Array("{user1000}.events".utf8), in: state.paneContext) == 0)
        #expect(PubSubRouting.node(for: .channel, name: Array("foo".utf8), in: state.paneContext) == 1)
        state.cluster = nil
        #expect(PubSubRouting.node(for: .shardChannel, name: Array("foo".utf8), in: state.paneContext) == 1)
    }
}
