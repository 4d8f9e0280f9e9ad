// The keys pane in a real terminal while its walk runs: estimates with ~ and ±, then the exact figures.
import Foundation
import LocalRedis
import Testing

@Suite("Keys pane estimates end to end", .serialized, .timeLimit(.minutes(2)))
struct KeysPaneEstimateTests {
    @Test("mid-walk the tree reads ~ and ±95%; once the walk ends, the exact count")
    func estimateThenExact() async throws {
        let server = try LocalRedisServer.start(["--enable-debug-command", "yes"])
        defer { server.stop() }
        // DEBUG POPULATE names keys PREFIX:N: 40,000 user: and 20,000 session: keys.
        try RawRedis.run(port: server.port, [["DEBUG", "POPULATE", "40000", "user"], ["DEBUG", "POPULATE", "20000", "session"]].map { $0.map { Array($0.utf8) } })
        // A low ceiling (about 5,000 keys a second) keeps the walk going for several seconds.
        let home = try KeysSnapshotTests.config("scan_commands_per_second = 15000\n")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let binary = try BuildProducts.executable(named: "cachescope")
        let session = try TmuxSession(command: "\(TmuxSession.shellQuote(binary)) redis://127.0.0.1:\(server.port); sleep 30", environment: ["XDG_CONFIG_HOME": home])
        defer { session.kill() }
        try await session.waitFor(text: "primary")
        try session.sendKeys("2")
        let estimated = try await session.waitFor(allOf: ["of the keyspace visited", "±95%", "▸ user:"], timeout: .seconds(20))
        let userRow = estimated.split(separator: "\n").first { $0.contains("▸ user:") }.map(String.init) ?? ""
        #expect(userRow.contains("~") && userRow.contains("±"), "user: row mid-walk: \(userRow)")
        let exact = try await session.waitFor(allOf: ["60000 keys indexed", "▸ user:"], timeout: .seconds(40))
        let exactRow = exact.split(separator: "\n").first { $0.contains("▸ user:") }.map(String.init) ?? ""
        #expect(exactRow.contains(" 40000 "), "user: row once the walk ends: \(exactRow)")
        #expect(!exact.contains("±95%"))
        try session.sendKeys("q")
    }
}
