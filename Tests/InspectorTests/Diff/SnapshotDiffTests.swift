import Foundation
import Inspector
import Testing

/// The comparison of two snapshots on constructed reports: what changed is named, in its
/// section, biggest first, and estimates say when a change is inside their uncertainty.
@Suite("Snapshot diff")
struct SnapshotDiffTests {
    private func node(_ address: String, role: String = "master", memory: Int64, keys: Int64, clients: Int64, config: [String: String]?, calls: [String: Int64]) -> HealthReport.Node {
        var node = HealthReport.Node(address: address)
        node.role = role
        node.usedMemory = memory
        node.keys = keys
        node.connectedClients = clients
        node.config = config
        node.commandstats = calls.mapValues { HealthReport.CommandTotals(calls: $0, usec: $0 * 2) }
        return node
    }

    @Test("health snapshots: policy, memory, keys, clients, calls, a failover and an added node are named")
    func health() throws {
        let a = HealthReport(
            takenAt: "2026-12-05T14:00:00Z", intervalSeconds: 1,
            nodes: [
                node("10.0.0.1:6379", memory: 1_000_000, keys: 100, clients: 3, config: ["maxmemory-policy": "noeviction", "hz": "10"], calls: ["get": 1000, "set": 10]),
                node("10.0.0.2:6379", role: "slave", memory: 1_000_000, keys: 100, clients: 1, config: nil, calls: [:]),
            ])
        let b = HealthReport(
            takenAt: "2026-12-05T14:00:20Z", intervalSeconds: 1,
            nodes: [
                node("10.0.0.1:6379", role: "slave", memory: 3_000_000, keys: 350, clients: 8, config: ["maxmemory-policy": "allkeys-lru", "hz": "10"], calls: ["get": 3000, "set": 10, "del": 4]),
                node("10.0.0.2:6379", role: "master", memory: 1_000_000, keys: 100, clients: 1, config: nil, calls: [:]),
                node("10.0.0.3:6379", memory: 0, keys: 0, clients: 0, config: nil, calls: [:]),
            ])
        let report = a.diff(to: b, before: "a.json", after: "b.json")
        #expect(report.seconds == 20)
        let policy = try #require(report.rows(in: .config).first)
        #expect(policy.name == "maxmemory-policy" && policy.before == "noeviction" && policy.after == "allkeys-lru")
        #expect(report.rows(in: .config).count == 1)  // hz did not change
        let topology = report.rows(in: .topology)
        #expect(topology.contains { $0.node == "10.0.0.3:6379" && $0.change == "added" })
        #expect(topology.filter { $0.name == "role" && $0.note == "failover" }.count == 2)
        #expect(report.rows(in: .memory).first?.delta == 2_000_000)
        let keys = try #require(report.rows(in: .keys).first)
        #expect(keys.before == "100" && keys.after == "350" && keys.change == "+250 (+250%)")
        #expect(report.rows(in: .clients).first?.delta == 5)
        // Biggest first: get's 2000 calls before del's 4; set did not change.
        let commands = report.rows(in: .commands)
        #expect(commands.map(\.name) == ["get", "del"])
        #expect(commands.first?.note?.hasPrefix("100/s") == true)
        // Sections in printing order.
        #expect(report.rows.map(\.section) == report.rows.map(\.section).sorted())
    }

    @Test("a counter that went down is a reset, not negative calls")
    func reset() {
        let rows = HealthReport.commands(["get": .init(calls: 1000, usec: 10)], ["get": .init(calls: 5, usec: 1)], node: "n", seconds: 10)
        #expect(rows.first?.delta == 5)
        #expect(rows.first?.note?.contains("reset") == true)
    }

    private func keyspace(exact: Bool, user: (keys: Int, low: Int, high: Int), memory: Int) -> String {
        """
        {"visitedFraction":\(exact ? 1 : 0.1),"exact":\(exact),"dbsize":1000,"sampledKeys":100,
         "keys":\(user.keys + 50),"keysLow":\(user.low + 50),"keysHigh":\(user.high + 50),
         "memory":\(memory + 5000),"memoryLow":\(memory + 4000),"memoryHigh":\(memory + 6000),
         "withoutTTL":0,"withoutTTLLow":0,"withoutTTLHigh":0,"bigKeys":[],
         "nodes":[{"node":"127.0.0.1:6379","visitedFraction":0.1,"dbsize":1000,"sampledKeys":100}],
         "prefixes":[
          {"prefix":"user:","depth":1,"keys":\(user.keys),"keysLow":\(user.low),"keysHigh":\(user.high),"memory":\(memory),"memoryLow":\(memory / 2),"memoryHigh":\(memory * 2),"withoutTTL":0,"withoutTTLLow":0,"withoutTTLHigh":0,"types":{}},
          {"prefix":"sess\\u001b[31m:","depth":1,"keys":50,"keysLow":40,"keysHigh":60,"memory":5000,"memoryLow":4000,"memoryHigh":6000,"withoutTTL":0,"withoutTTLLow":0,"withoutTTLHigh":0,"types":{}}]}
        """
    }

    @Test("keyspace snapshots: a prefix's change outside the intervals is real, one inside them is flagged")
    func keyspaces() throws {
        let a = try SnapshotDocument(data: Data(keyspace(exact: false, user: (100, 80, 120), memory: 10_000).utf8), name: "a")
        let grown = try SnapshotDocument(data: Data(keyspace(exact: false, user: (400, 350, 450), memory: 40_000).utf8), name: "b")
        let report = try a.diff(to: grown, before: "a", after: "b")
        let users = try #require(report.rows(in: .keys).first { $0.name == "user:" })
        #expect(users.delta == 300 && users.withinUncertainty == false)
        let noisy = try SnapshotDocument(data: Data(keyspace(exact: false, user: (110, 85, 135), memory: 10_000).utf8), name: "c")
        let small = try a.diff(to: noisy, before: "a", after: "c")
        #expect(small.rows(in: .keys).first { $0.name == "user:" }?.withinUncertainty == true)
        #expect(small.notes.contains { $0.contains("uncertainty") })
        // The unchanged prefix (with its escape byte) is not listed.
        #expect(!report.rows.contains { $0.name.hasPrefix("sess") })
    }

    @Test("clients snapshots: the count and each group by name and address")
    func clients() throws {
        func document(_ groups: [(String, String, Int)]) -> Data {
            let items = groups.map {
                "{\"name\":\"\($0.0)\",\"libName\":\"\",\"libVer\":\"\",\"user\":\"default\",\"addr\":\"\($0.1)\",\"count\":\($0.2),\"ids\":[],\"qbuf\":0,\"omem\":0,\"totMem\":1000,\"cmds\":{},\"flags\":[]}"
            }
            return Data("{\"nodes\":[{\"node\":\"127.0.0.1:6379\",\"clients\":[\(items.joined(separator: ","))],\"errors\":{}}]}".utf8)
        }
        let a = try SnapshotDocument(data: document([("web", "10.0.0.5", 2)]), name: "a")
        let b = try SnapshotDocument(data: document([("web", "10.0.0.5", 2), ("worker", "10.0.0.6", 5)]), name: "b")
        let rows = try a.diff(to: b, before: "a", after: "b").rows(in: .clients)
        #expect(rows.map(\.name) == ["clients", "worker @10.0.0.6"])
        #expect(rows.map(\.change) == ["+5 (+250%)", "added"])
    }

    @Test("bad input: not JSON, JSON of something else, a doctor report, kinds that differ")
    func badInput() throws {
        #expect(throws: SnapshotFileError.self) { try SnapshotDocument(data: Data("{nope".utf8), name: "x") }
        #expect(throws: SnapshotFileError.notASnapshot(name: "x", what: "a JSON value that is not an object")) { try SnapshotDocument(data: Data("[1]".utf8), name: "x") }
        #expect(throws: SnapshotFileError.self) { try SnapshotDocument(data: Data("{\"hello\":1}".utf8), name: "x") }
        #expect(throws: SnapshotFileError.self) { try SnapshotDocument(data: Data("{\"nodes\":[{\"node\":\"n\",\"findings\":[]}]}".utf8), name: "x") }
        #expect(throws: SnapshotFileError.self) { try SnapshotDocument(data: Data("{\"takenAt\":\"t\",\"nodes\":[{\"address\":1}]}".utf8), name: "x") }
        let health = try SnapshotDocument(data: Data(HealthReport(takenAt: "2026-12-05T14:00:00Z", intervalSeconds: 1, nodes: []).json().utf8), name: "h")
        let keys = try SnapshotDocument(data: Data(keyspace(exact: true, user: (1, 1, 1), memory: 1).utf8), name: "k")
        #expect(throws: SnapshotFileError.self) { try health.diff(to: keys, before: "h", after: "k") }
    }
}
