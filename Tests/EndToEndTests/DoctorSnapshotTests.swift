import Foundation
import LocalRedis
import Testing

/// `cachescope snapshot --doctor --json` as a script runs it: the keyspace indexed headlessly and
/// the doctor's findings printed, names of secret fields shown and their values never.
@Suite("Snapshot --doctor", .timeLimit(.minutes(1)))
struct DoctorSnapshotTests {
    @Test("missing TTLs, a secret field and a stale lock in the JSON; no secret value anywhere")
    func doctorJSON() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let world = """
            for i=0,199 do redis.call('SET','user:'..i,'row','EX',3000+i*7) end
            for i=200,239 do redis.call('SET','user:'..i,'row') end
            for i=0,9 do redis.call('HSET','account:'..i,'name','n','password_hash','hunter2-SECRET') end
            redis.call('SET','job:42:lock','worker-1')
            """
        _ = try MutationTests.redis(server.port, "EVAL", world, "0")
        let (status, output) = try SnapshotCommandTests.run(
            ["snapshot", "--doctor", "--json", "redis://127.0.0.1:\(server.port)"],
            environment: ["XDG_CONFIG_HOME": NSTemporaryDirectory()])
        #expect(status == 0)
        #expect(!output.contains("hunter2"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let node = try #require((json["nodes"] as? [[String: Any]])?.first)
        #expect(node["indexedKeys"] as? Int == 251)
        #expect(node["complete"] as? Bool == true)
        let findings = try #require(node["findings"] as? [[String: Any]])
        let missing = try #require(findings.first { $0["kind"] as? String == "missing-ttl" })
        #expect(missing["keyCount"] as? Int == 40)
        #expect(missing["prefix"] as? String == "user:")
        let secrets = try #require(findings.first { $0["kind"] as? String == "secrets" })
        #expect(secrets["fieldNames"] as? [String] == ["password_hash"])
        let user = try #require((node["prefixes"] as? [[String: Any]])?.first { $0["prefix"] as? String == "user:" })
        #expect(user["keys"] as? Int == 240 && user["withoutTTL"] as? Int == 40)
        #expect(((user["remainingTTL"] as? [String: Any])?["counts"] as? [Int])?.reduce(0, +) == 200)
        let lock = try #require(findings.first { $0["kind"] as? String == "stale-lock" })
        #expect(lock["exampleKeys"] as? [String] == ["job:42:lock"])
    }

    @Test("text output on a clean keyspace says no findings")
    func cleanText() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        _ = try MutationTests.redis(server.port, "EVAL", "for i=0,99 do redis.call('SET','page:'..i,'x','EX',600+i*13) end", "0")
        let (status, output) = try SnapshotCommandTests.run(
            ["snapshot", "--doctor", "redis://127.0.0.1:\(server.port)"],
            environment: ["XDG_CONFIG_HOME": NSTemporaryDirectory()])
        #expect(status == 0)
        #expect(output.contains("100 keys analysed"))
        #expect(output.contains("no findings"))
    }
}
