import NIOCore
import RESP
import Testing

@testable import RedisClient

@Suite("Cluster topology parsing")
struct ClusterTopologyTests {
    static func bulk(_ text: String) -> RESPValue { .bulkString(ByteBuffer(string: text)) }

    static func node(_ id: String, _ port: Int, _ role: String, _ health: String, resp3: Bool) -> RESPValue {
        let fields: [(String, RESPValue)] = [
            ("id", bulk(id)), ("port", .integer(Int64(port))), ("ip", bulk("127.0.0.1")), ("endpoint", bulk("127.0.0.1")),
            ("role", bulk(role)), ("replication-offset", .integer(42)), ("health", bulk(health)),
        ]
        return resp3 ? .map(fields.map { RESPPair(key: bulk($0.0), value: $0.1) }) : .array(fields.flatMap { [bulk($0.0), $0.1] })
    }

    static func shard(_ slots: [Int64], _ nodes: [RESPValue], resp3: Bool) -> RESPValue {
        let fields: [(String, RESPValue)] = [("slots", .array(slots.map(RESPValue.integer))), ("nodes", .array(nodes))]
        return resp3 ? .map(fields.map { RESPPair(key: bulk($0.0), value: $0.1) }) : .array(fields.flatMap { [bulk($0.0), $0.1] })
    }

    static func shards(resp3: Bool) -> RESPValue {
        func shard(_ slots: [Int64], _ nodes: [RESPValue]) -> RESPValue { Self.shard(slots, nodes, resp3: resp3) }
        return .array([
            shard([10923, 16383], [node("c", 7002, "master", "online", resp3: resp3), node("rc", 7005, "replica", "online", resp3: resp3)]),
            shard([0, 5460], [node("ra", 7003, "replica", "loading", resp3: resp3), node("a", 7000, "master", "online", resp3: resp3)]),
            shard([5461, 6000, 6001, 10922], [node("b", 7001, "master", "fail", resp3: resp3)]),
        ])
    }

    @Test("CLUSTER SHARDS in RESP3 and RESP2 shapes give the same topology", arguments: [true, false])
    func shards(resp3: Bool) throws {
        let topology = try #require(ClusterTopology.parseShards(Self.shards(resp3: resp3), fallbackHost: "x"))
        #expect(topology.primaries.map(\.id) == ["a", "b", "c"])
        #expect(topology.shards[0].replicas.map(\.id) == ["ra"])
        #expect(topology.shards[0].replicas[0].health == .loading)
        #expect(topology.shards[1].primary.health == .failed)
        #expect(topology.shards[1].slotRanges == [5461...6000, 6001...10922])
        #expect(topology.shards[1].slotCount == 5462)
        #expect(topology.coveredSlots == 16384)
        #expect(topology.nodes.count == 5)
        #expect(topology.node(at: RedisEndpoint(host: "127.0.0.1", port: 7005))?.role == .replica)
    }

    @Test("after a failover the promoted primary serves, though the failed one is listed first (Valkey 8)", arguments: [true, false])
    func failedPrimaryListedFirst(resp3: Bool) throws {
        let reply = RESPValue.array([
            Self.shard(
                [5461, 10922],
                [
                    Self.node("old", 7001, "master", "fail", resp3: resp3), Self.node("new", 7004, "master", "online", resp3: resp3),
                ], resp3: resp3)
        ])
        let topology = try #require(ClusterTopology.parseShards(reply, fallbackHost: "x"))
        #expect(topology.primaries.map(\.id) == ["new"])
        #expect(topology.shards[0].replicas.map(\.id) == ["old"])
    }

    @Test("CLUSTER SLOTS groups ranges by primary")
    func slots() throws {
        func entry(_ start: Int64, _ end: Int64, _ ports: [Int64]) -> RESPValue {
            .array([.integer(start), .integer(end)] + ports.map { .array([Self.bulk("127.0.0.1"), .integer($0), Self.bulk("id\($0)")]) })
        }
        let reply = RESPValue.array([entry(0, 100, [7000, 7003]), entry(5461, 16383, [7001]), entry(101, 5460, [7000, 7003])])
        let topology = try #require(ClusterTopology.parseSlots(reply, fallbackHost: "x"))
        #expect(topology.primaries.map(\.endpoint.port) == [7000, 7001])
        #expect(topology.shards[0].slotRanges == [0...100, 101...5460])
        #expect(topology.shards[0].replicas.map(\.endpoint.port) == [7003])
        #expect(topology.coveredSlots == 16384)
    }

    @Test("malformed replies are refused")
    func malformed() {
        #expect(ClusterTopology.parseShards(.integer(1), fallbackHost: "x") == nil)
        #expect(ClusterTopology.parseShards(.array([.array([Self.bulk("slots")])]), fallbackHost: "x") == nil)
        #expect(ClusterTopology.parseSlots(.array([.array([.integer(5), .integer(1)])]), fallbackHost: "x") == nil)
    }
}
