// `cachescope snapshot --keys` as a script runs it: the JSON fields, exact on a small keyspace, intervals when cut short.
import Foundation
import LocalRedis
import Testing

@Suite("Snapshot of the keys", .serialized, .timeLimit(.minutes(3)))
struct KeysSnapshotTests {
    /// A config directory whose config.toml holds `body`.
    static func config(_ body: String) throws -> String {
        let directory = NSTemporaryDirectory() + "cachescope-keys-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/cachescope", withIntermediateDirectories: true)
        try body.write(toFile: directory + "/cachescope/config.toml", atomically: true, encoding: .utf8)
        return directory
    }

    static func prefix(_ json: [String: Any], _ name: String) -> [String: Any]? {
        (json["prefixes"] as? [[String: Any]])?.first { $0["prefix"] as? String == name }
    }

    @Test("a small keyspace: exact, every field, low = high = value, and the text sanitised")
    func exactSmall() throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        var commands: [[[UInt8]]] = []
        for i in 0..<120 { commands.append(["HSET", "user:profile:\(i)", "name", "n"].map { Array($0.utf8) }) }
        for i in 0..<80 { commands.append(["SET", "session:\(i)", "v", "EX", "600"].map { Array($0.utf8) }) }
        commands.append(["SET", "evil\u{1b}]0;pwn\u{07}:1", "v"].map { Array($0.utf8) })
        try RawRedis.run(port: server.port, commands)
        let home = try Self.config("")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let (status, output) = try SnapshotCommandTests.run(["snapshot", "--keys", "--json", "redis://127.0.0.1:\(server.port)"], environment: ["XDG_CONFIG_HOME": home])
        #expect(status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
        #expect(json["exact"] as? Bool == true)
        #expect(json["visitedFraction"] as? Double == 1)
        #expect(json["keys"] as? Int == 201)
        #expect((json["memory"] as? Int ?? 0) > 0)
        let user = try #require(Self.prefix(json, "user:"))
        #expect(user["depth"] as? Int == 1)
        #expect(user["keys"] as? Int == 120 && user["keysLow"] as? Int == 120 && user["keysHigh"] as? Int == 120)
        #expect(user["withoutTTL"] as? Int == 120 && user["withoutTTLLow"] as? Int == 120 && user["withoutTTLHigh"] as? Int == 120)
        #expect(user["memory"] as? Int == user["memoryLow"] as? Int && user["memory"] as? Int == user["memoryHigh"] as? Int)
        #expect((user["types"] as? [String: Int]) == ["hash": 120])
        let profile = try #require(Self.prefix(json, "user:profile:"))
        #expect(profile["depth"] as? Int == 2 && profile["keys"] as? Int == 120)
        let session = try #require(Self.prefix(json, "session:"))
        #expect(session["keys"] as? Int == 80 && session["withoutTTL"] as? Int == 0)
        #expect(Self.prefix(json, "evil\u{1b}]0;pwn\u{07}:") != nil, "the JSON carries the bytes, escaped")
        #expect(!output.contains("\u{1b}"))

        let (textStatus, text) = try SnapshotCommandTests.run(["snapshot", "--keys", "--depth", "1", "redis://127.0.0.1:\(server.port)"], environment: ["XDG_CONFIG_HOME": home])
        #expect(textStatus == 0)
        #expect(text.contains("visited 100%"), "\(text)")
        #expect(text.contains("exact"))
        #expect(text.contains("user:") && !text.contains("user:profile:"), "depth 1 only")
        #expect(text.contains("evil\\x1b]0;pwn\\a:"), "\(text)")
        #expect(!text.contains("\u{1b}") && !text.contains("\u{07}"))
    }

    @Test("a large keyspace cut short by --seconds under a tiny ceiling: estimated, with intervals")
    func estimatedLarge() throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        var commands: [[[UInt8]]] = []
        for i in 0..<30_000 { commands.append(["SET", i % 2 == 0 ? "user:\(i)" : "page:\(i)", "v"].map { Array($0.utf8) }) }
        try RawRedis.run(port: server.port, commands)
        // 3,000 commands a second: about 750 keys a second with their three lookups.
        let home = try Self.config("scan_commands_per_second = 3000\n")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let started = Date()
        let (status, output) = try SnapshotCommandTests.run(["snapshot", "--keys", "--json", "--seconds", "1", "redis://127.0.0.1:\(server.port)"], environment: ["XDG_CONFIG_HOME": home])
        let took = Date().timeIntervalSince(started)
        #expect(status == 0)
        #expect(took < 15, "the walk stopped near its deadline (\(took) s)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
        #expect(json["exact"] as? Bool == false)
        let visited = try #require(json["visitedFraction"] as? Double)
        #expect(visited > 0 && visited < 0.5, "visited \(visited)")
        #expect(json["dbsize"] as? Int == 30_000)
        let user = try #require(Self.prefix(json, "user:"))
        let keys = try #require(user["keys"] as? Int)
        let low = try #require(user["keysLow"] as? Int)
        let high = try #require(user["keysHigh"] as? Int)
        #expect(low < keys && keys < high, "an interval, not a point: \(low) \(keys) \(high)")
        // ≥ 300 keys seen of a prefix holding half: the estimate's standard error is under 6%; 30% is far outside it.
        #expect(abs(Double(keys) - 15_000) < 4500, "estimate \(keys) of 15000")
        #expect((user["memoryLow"] as? Int ?? 0) < (user["memoryHigh"] as? Int ?? 0))

        let (_, text) = try SnapshotCommandTests.run(["snapshot", "--keys", "--seconds", "1", "redis://127.0.0.1:\(server.port)"], environment: ["XDG_CONFIG_HOME": home])
        #expect(text.contains("estimates with 95% intervals"), "\(text)")
        #expect(text.contains("~") && text.contains("±"), "\(text)")
    }

    @Test("a cluster (one primary holding every slot): exact when walked whole; cut short, the hash-tagged prefix keeps an honest interval")
    func cluster() throws {
        let cluster = try LocalRedisCluster.start(primaries: 1, replicasPerPrimary: 0)
        defer { cluster.stop() }
        let port = cluster.primaries[0].port
        var commands: [[[UInt8]]] = []
        for i in 0..<20_000 { commands.append(["SET", "user:\(i)", "v"].map { Array($0.utf8) }) }
        // 3,000 keys under one hash tag: one slot of its own.
        for i in 0..<3000 { commands.append(["SET", "{acme}:order:\(i)", "v"].map { Array($0.utf8) }) }
        try RawRedis.run(port: port, commands)
        let open = try Self.config("")
        defer { try? FileManager.default.removeItem(atPath: open) }
        let (status, output) = try SnapshotCommandTests.run(["snapshot", "--keys", "--json", "-c", "redis://127.0.0.1:\(port)"], environment: ["XDG_CONFIG_HOME": open])
        #expect(status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
        #expect(json["exact"] as? Bool == true)
        #expect(json["keys"] as? Int == 23_000)
        #expect(Self.prefix(json, "{acme}:")?["keys"] as? Int == 3000)
        #expect(Self.prefix(json, "user:")?["keysLow"] as? Int == 20_000)

        let tight = try Self.config("scan_commands_per_second = 3000\n")
        defer { try? FileManager.default.removeItem(atPath: tight) }
        let (partialStatus, partialOutput) = try SnapshotCommandTests.run(
            ["snapshot", "--keys", "--json", "--seconds", "2", "-c", "redis://127.0.0.1:\(port)"], environment: ["XDG_CONFIG_HOME": tight])
        #expect(partialStatus == 0)
        let partial = try #require(try JSONSerialization.jsonObject(with: Data(partialOutput.utf8)) as? [String: Any], "\(partialOutput)")
        #expect(partial["exact"] as? Bool == false)
        let visited = try #require(partial["visitedFraction"] as? Double)
        #expect(visited > 0 && visited < 0.6, "visited \(visited)")
        // The tag's slot is walked from the first round, and counted by the share of it walked.
        let acme = try #require(Self.prefix(partial, "{acme}:"), "the hash-tagged prefix is seen: \(partialOutput)")
        let keys = Double(try #require(acme["keys"] as? Int))
        let low = Double(try #require(acme["keysLow"] as? Int))
        let high = Double(try #require(acme["keysHigh"] as? Int))
        #expect(low < keys && keys < high, "an interval: [\(low), \(high)]")
        // One 95% interval misses 5% of the time; 1.7 times as wide is a 99.9% one, so this fails
        // by chance once in a thousand runs, and always if the tagged slot were read as a sample
        // of the cluster (it would count ~3000/share keys).
        #expect(keys - 1.7 * (keys - low) <= 3000 && 3000 <= keys + 1.7 * (high - keys), "3000 and \(keys) in [\(low), \(high)]")
    }

    @Test("past a 1 MiB index budget, walked to the end: key counts exact from every name counted, memory estimated, folded folders in other")
    func pastBudget() throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        // 10 families of 5,000 keys, then 5,000 two-key folders: more than the 4,096 prefixes counted.
        var commands: [[[UInt8]]] = []
        for family in 0..<10 { for i in 0..<5000 { commands.append(["SET", "big\(family):item:\(i)", "value-\(i)"].map { Array($0.utf8) }) } }
        for i in 0..<5000 { for leaf in ["x", "y"] { commands.append(["SET", "t\(i):\(leaf)", "v", "EX", "600"].map { Array($0.utf8) }) } }
        try RawRedis.run(port: server.port, commands)
        let home = try Self.config("index_budget_mb = 1\nscan_commands_per_second = 1000000\n")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let url = "redis://127.0.0.1:\(server.port)"
        let (status, output) = try SnapshotCommandTests.run(["snapshot", "--keys", "--json", "--seconds", "60", url], environment: ["XDG_CONFIG_HOME": home])
        #expect(status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output.prefix(2000))")
        #expect(json["visitedFraction"] as? Double == 1)
        #expect(json["exact"] as? Bool == false, "memory and TTL come from a sample")
        #expect(json["dbsize"] as? Int == 60_000)
        #expect(json["keys"] as? Int == 60_000 && json["keysLow"] as? Int == 60_000 && json["keysHigh"] as? Int == 60_000)
        #expect((json["sampledKeys"] as? Int ?? .max) < 20_000, "the sample stays within the budget")
        #expect((json["memoryLow"] as? Int ?? 0) < (json["memoryHigh"] as? Int ?? 0))
        for family in 0..<10 {
            for name in ["big\(family):", "big\(family):item:"] {
                let row = try #require(Self.prefix(json, name), "\(name)")
                #expect(row["keys"] as? Int == 5000 && row["keysLow"] as? Int == 5000 && row["keysHigh"] as? Int == 5000, "\(name): \(row)")
            }
        }
        let big = try #require(Self.prefix(json, "big0:"))
        #expect((big["memoryLow"] as? Int ?? 0) < (big["memoryHigh"] as? Int ?? 0), "memory keeps its interval: \(big)")
        let rows = try #require(json["prefixes"] as? [[String: Any]])
        let other = try #require(rows.first { $0["other"] as? Bool == true }, "5,000 tail folders cannot all be held")
        #expect(other["prefix"] as? String == "" && other["depth"] as? Int == 1)
        let folded = try #require(other["keys"] as? Int)
        #expect(folded > 0 && other["keysLow"] as? Int == folded && other["keysHigh"] as? Int == folded)
        let listed = rows.filter { $0["depth"] as? Int == 1 && $0["other"] == nil }.reduce(0) { $0 + ($1["keys"] as? Int ?? 0) }
        #expect(listed + folded <= 60_000 && listed >= 50_000, "listed \(listed) + other \(folded)")

        let (textStatus, text) = try SnapshotCommandTests.run(["snapshot", "--keys", "--seconds", "60", url], environment: ["XDG_CONFIG_HOME": home])
        #expect(textStatus == 0)
        #expect(text.contains("key counts exact"), "\(text.prefix(600))")
        #expect(text.contains("keys 60.0k  memory ~"), "\(text.prefix(600))")
        #expect(text.contains("(other)"))
    }
}
