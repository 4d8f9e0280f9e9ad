import Foundation
import LocalRedis
import Testing

/// `cachescope snapshot` through sentinels: the groups listed without a name, the group's nodes
/// and shape with one, and one-line errors for a wrong name or no reachable sentinel.
@Suite("Sentinel snapshot", .timeLimit(.minutes(1)))
struct SentinelSnapshotTests {
    @Test("lists the groups, reports the group's nodes, and fails in one line on a wrong name or no sentinel")
    func snapshot() throws {
        let group = try LocalRedisSentinelGroup.start(replicas: 1, sentinels: 2)
        defer { group.stop() }
        let binary = try BuildProducts.executable(named: "cachescope")
        let environment = ["XDG_CONFIG_HOME": NSTemporaryDirectory() + "cachescope-none-\(UUID().uuidString)"]
        let sentinel = "127.0.0.1:\(group.sentinels[0].port)"

        let listed = try CleanSpawn.run(binary, ["snapshot", "--sentinel", sentinel], environment: environment)
        #expect(listed.status == 0)
        #expect(listed.output.contains("Sentinel groups (1):"))
        #expect(listed.output.contains("mymaster  127.0.0.1:\(group.primary.port)  1 replicas, 2 sentinels, quorum 2"))

        let report = try CleanSpawn.run(
            binary, ["snapshot", "--json", "--interval", "0.2", "redis+sentinel://\(sentinel),127.0.0.1:\(group.sentinels[1].port)/mymaster"], environment: environment)
        #expect(report.status == 0, "\(report.errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [String: Any])
        let shape = try #require(json["sentinel"] as? [String: Any])
        #expect(shape["primary"] as? String == "127.0.0.1:\(group.primary.port)")
        #expect((shape["sentinels"] as? [[String: Any]])?.count == 2)
        let nodes = (json["nodes"] as? [[String: Any]])?.compactMap { $0["address"] as? String }
        #expect(nodes == ["127.0.0.1:\(group.primary.port)", "127.0.0.1:\(group.replicas[0].port)"])

        let wrong = try CleanSpawn.run(binary, ["snapshot", "--sentinel", sentinel, "--master", "nosuch"], environment: environment)
        #expect(wrong.status == 1)
        #expect(wrong.errors == "cachescope: the sentinels know no master named \"nosuch\" (they monitor: mymaster)\n")

        let nobody = try CleanSpawn.run(binary, ["snapshot", "--sentinel", "127.0.0.1:1", "--master", "mymaster"], environment: environment)
        #expect(nobody.status == 1)
        #expect(nobody.errors.hasPrefix("cachescope: no sentinel reachable (127.0.0.1:1"))
        #expect(nobody.errors.filter { $0 == "\n" }.count == 1)
    }
}
