import Foundation
import NIOCore
// Progress by the cursor as pure functions (reverse-binary fractions, per-slot and composite cluster cursors), and the shape probe against a fake node.
import RESP
import RedisClient
import Testing

@testable import Inspector

@Suite struct ScanCursorProgressTests {
    @Test("the bit-reversed cursor over 2^64 is the share of hash space behind it")
    func reverseBinary() {
        #expect(ScanCursorLayout.reversedBits(1) == 1 << 63)
        #expect(ScanCursorLayout.reversedBits(0x8000_0000_0000_0000) == 1)
        #expect(ScanCursorLayout.reversedBits(0x0123_4567_89AB_CDEF) == 0xF7B3_D591_E6A2_C480)
        #expect(ScanCursorLayout.reverseBinaryFraction(0) == 0)
        #expect(ScanCursorLayout.reverseBinaryFraction(1) == 0.5)
        #expect(ScanCursorLayout.reverseBinaryFraction(2) == 0.25)
        #expect(ScanCursorLayout.reverseBinaryFraction(3) == 0.75)
        // A table of 8 buckets walked in Redis' order visits 0,4,2,6,1,5,3,7: the shares rise by an eighth.
        var v: UInt64 = 0
        var shares: [Double] = []
        let mask: UInt64 = 7
        repeat {
            v |= ~mask
            v = ScanCursorLayout.reversedBits(ScanCursorLayout.reversedBits(v) &+ 1)
            shares.append(v == 0 ? 1 : ScanCursorLayout.reverseBinaryFraction(v))
        } while v != 0
        #expect(shares == [1, 2, 3, 4, 5, 6, 7, 8].map { Double($0) / 8 })
    }

    @Test("cursor text parses as an unsigned 64-bit number, nothing else")
    func parse() {
        #expect(ScanCursorLayout.parse(Array("0".utf8)) == 0)
        #expect(ScanCursorLayout.parse(Array("18446744073709551615".utf8)) == UInt64.max)
        #expect(ScanCursorLayout.parse(Array("18446744073709551616".utf8)) == nil)
        #expect(ScanCursorLayout.parse(Array("1:2".utf8)) == nil)
        #expect(ScanCursorLayout.parse([UInt8]()) == nil)
    }

    @Test("per-slot cursors carry the slot in the low 14 bits")
    func slotLayout() {
        let layout = ScanCursorLayout.clusterSlots
        #expect(layout.cursor(slot: 100, tableCursor: 3) == (3 << 14) | 100)
        let (slot, table) = layout.split(49181)  // seen from Redis 8.2: slot 29, table cursor 3
        #expect(slot == 29 && table == 3)
        #expect(ScanCursorLayout.singleTable.split(49181) == (0, 49181))
    }

    @Test("a node with one table per slot: slots before the cursor's are done, weighed by their keys")
    func nodeProgressBySlot() {
        let shape = NodeScanShape(layout: .clusterSlots, slots: [10, 11, 12, 13], keysPerSlot: [1, 1, 2, 0])
        let progress = NodeScanProgress(shape: shape)
        #expect(progress.fraction(at: ScanCursorLayout.clusterSlots.cursor(slot: 10)) == 0)
        #expect(progress.fraction(at: ScanCursorLayout.clusterSlots.cursor(slot: 11)) == 0.25)
        #expect(progress.fraction(at: ScanCursorLayout.clusterSlots.cursor(slot: 12, tableCursor: 1)) == 0.75)
        // A slot not served (moved away): the walk is at the next served slot's start.
        #expect(progress.fraction(at: ScanCursorLayout.clusterSlots.cursor(slot: 5)) == 0)
        #expect(progress.visitedFraction(afterReturning: Array("0".utf8)) == 1)
        #expect(progress.visitedFraction(afterReturning: Array("x".utf8)) == nil)
        // Every slot empty: equal weights.
        let empty = NodeScanProgress(shape: NodeScanShape(layout: .clusterSlots, slots: [0, 1], keysPerSlot: [0, 0]))
        #expect(empty.fraction(at: 1) == 0.5)
        // One table: the reverse-binary share.
        #expect(NodeScanProgress(shape: .standalone).visitedFraction(afterReturning: 3) == 0.75)
    }

    @Test("a cluster's composite cursor weighs each shard by its DBSIZE")
    func clusterProgress() {
        let shards = [NodeScanProgress(shape: .standalone), NodeScanProgress(shape: .standalone)]
        let progress = ClusterScanProgress(shards: shards, keys: [300, 100])
        #expect(progress.visitedFraction(afterReturning: Array("0:1".utf8)) == 0.375)  // half of shard 0
        #expect(progress.visitedFraction(afterReturning: Array("1:0".utf8)) == 0.75)  // shard 0 done, shard 1 starting
        #expect(progress.visitedFraction(afterReturning: Array("1:1".utf8)) == 0.875)
        #expect(progress.visitedFraction(afterReturning: Array("0".utf8)) == 1)
        #expect(progress.visitedFraction(afterReturning: Array("2:1".utf8)) == nil)
        #expect(progress.visitedFraction(afterReturning: Array("7".utf8)) == nil)
        let walk = KeyspaceWalkProgress.cluster(progress)
        #expect(walk.visitedFraction(afterReturning: Array("1:0".utf8)) == 0.75)
    }

    @Test("CLUSTER NODES: a primary's own slots, a replica's primary's, migrating markers skipped")
    func servedSlots() {
        let text = """
            aaa 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-2 5 [6->-bbb]
            bbb 127.0.0.1:7001@17001 master - 0 0 2 connected 7-8
            ccc 127.0.0.1:7002@17002 slave bbb 0 0 2 connected
            """
        #expect(ScanShapeProbe.servedSlots(clusterNodes: text) == [0, 1, 2, 5])
        let replica = text.replacingOccurrences(of: "myself,master", with: "master").replacingOccurrences(of: "slave bbb", with: "myself,slave bbb")
        #expect(ScanShapeProbe.servedSlots(clusterNodes: replica) == [7, 8])
        #expect(ScanShapeProbe.servedSlots(clusterNodes: "") == [])
    }

    @Test("the version fallback: Redis from 7.4 and Valkey from 8 keep a table per slot")
    func versionFallback() {
        #expect(!NodeScanShape.keepsTablePerSlot(serverName: "", version: "7.0.15"))
        #expect(!NodeScanShape.keepsTablePerSlot(serverName: "", version: "7.2.4"))
        #expect(NodeScanShape.keepsTablePerSlot(serverName: "", version: "7.4.0"))
        #expect(NodeScanShape.keepsTablePerSlot(serverName: "", version: "8.2.3"))
        #expect(NodeScanShape.keepsTablePerSlot(serverName: "valkey", version: "8.1.8"))
        #expect(!NodeScanShape.keepsTablePerSlot(serverName: "valkey", version: "7.2.5"))
    }
}

/// A cluster node as `ScanShapeProbe` sees it: slots 0–3, keys in slots by `counts`, one table per
/// slot; `slotStats` false answers `CLUSTER SLOT-STATS` with an error (Redis 7.4–8.0).
private struct FakeClusterNode: RedisPipelining {
    let counts: [Int]
    let slotStats: Bool

    func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        commands.map { command in
            let words = command.arguments.map { String(decoding: $0, as: UTF8.self) }
            switch words.prefix(2).joined(separator: " ") {
            case "INFO server": return .bulkString(.init(string: "# Server\r\nredis_version:8.0.0\r\n# Cluster\r\ncluster_enabled:1\r\n"))
            case "CLUSTER NODES": return .bulkString(.init(string: "aaa 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-3\n"))
            case "RANDOMKEY": return .bulkString(.init(string: "{a}1"))
            case "SCAN \(HashSlot.of("{a}1"))": return .array([.bulkString(.init(string: "0")), .array([.bulkString(.init(string: "{a}2"))])])
            case "CLUSTER SLOT-STATS":
                guard slotStats else { return .error(.init(string: "ERR unknown subcommand")) }
                return .array(counts.enumerated().map { .array([.integer(Int64($0.offset)), .array([.bulkString(.init(string: "key-count")), .integer(Int64($0.element))])]) })
            case "CLUSTER COUNTKEYSINSLOT": return .integer(Int64(counts[Int(words[2])!]))
            default: return .error(.init(string: "ERR unexpected \(words)"))
            }
        }
    }
}

@Suite struct ScanShapeProbeTests {
    @Test("keys per slot from one CLUSTER SLOT-STATS, or one COUNTKEYSINSLOT a slot where the server lacks it", arguments: [true, false])
    func keysPerSlot(slotStats: Bool) async throws {
        let (shape, commands) = try await ScanShapeProbe.node(FakeClusterNode(counts: [3, 0, 5, 1], slotStats: slotStats))
        #expect(shape.layout == .clusterSlots)
        #expect(shape.clusterEnabled && shape.server == "redis 8.0.0")
        #expect(shape.slots == [0, 1, 2, 3])
        #expect(shape.keysPerSlot == [3, 0, 5, 1])
        #expect(commands == (slotStats ? 5 : 9))
    }
}
