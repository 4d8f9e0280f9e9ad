import Foundation
import LocalRedis
import Testing

/// `cachescope snapshot --clients` against a real server: a consumer that stopped reading is
/// flagged in the JSON and in the text table.
@Suite("Clients snapshot", .timeLimit(.minutes(1)))
struct ClientsSnapshotTests {
    @Test("a client pipelining 80 GETs of a 1 MB key without reading is flagged output-buffer in --json")
    func stalledConsumerIsFlagged() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        try RawRedis.run(port: server.port, [[Array("SET".utf8), Array("big".utf8), [UInt8](repeating: 120, count: 1 << 20)]])
        let stalled = try StalledClient(port: server.port, name: "batchjob", requests: String(repeating: "GET big\r\n", count: 80))
        defer { stalled.close() }
        try await Task.sleep(for: .milliseconds(300))

        let (status, output) = try SnapshotCommandTests.run(["snapshot", "--clients", "--json", "--interval", "0.2", "redis://127.0.0.1:\(server.port)"], environment: [:])
        #expect(status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let node = try #require((json["nodes"] as? [[String: Any]])?.first)
        let groups = try #require(node["clients"] as? [[String: Any]])
        let batch = try #require(groups.first { $0["name"] as? String == "batchjob" })
        #expect((batch["omem"] as? Int ?? 0) > 50 << 20, "\(batch)")
        #expect((batch["flags"] as? [String])?.contains("output-buffer") == true)
        #expect(batch["count"] as? Int == 1)
        #expect((batch["ids"] as? [Int])?.count == 1)
        #expect(batch["addr"] as? String == "127.0.0.1")
        for field in ["libName", "user", "qbuf", "totMem", "cmds"] { #expect(batch[field] != nil, "missing \(field)") }
        #expect(groups.first?["name"] as? String == "batchjob", "the heaviest output buffer comes first")

        let (_, text) = try SnapshotCommandTests.run(["snapshot", "--clients", "--interval", "0.1", "redis://127.0.0.1:\(server.port)"], environment: [:])
        #expect(text.contains("batchjob"))
        #expect(text.contains("output-buffer"))
        #expect(text.contains("COUNT  NAME"))
    }
}
