import Foundation
import LocalRedis
import Testing

/// Sentinels that monitor two groups and no group named: before the terminal UI starts, the
/// dashboard lists the groups and asks which one; the number typed opens that group.
@Suite("Sentinel: choosing a group at the start", .timeLimit(.minutes(2)))
struct SentinelGroupChoiceTests {
    @Test("two groups, no --master: the groups are listed, the number typed opens that group")
    func chooseGroup() async throws {
        let group = try LocalRedisSentinelGroup.start()
        defer { group.stop() }
        let other = try LocalRedisServer.start()
        defer { other.stop() }
        for sentinel in group.sentinels {
            _ = try RawRedis.stdin(port: sentinel.port, ["SENTINEL MONITOR billing 127.0.0.1 \(other.port) 2"])
        }
        let state = try TemporaryFolder.make()
        let binary = try BuildProducts.executable(named: "cachescope")
        let session = try TmuxSession(
            command: "\(TmuxSession.shellQuote(binary)) --sentinel 127.0.0.1:\(group.sentinels[0].port); sleep 30",
            environment: ["XDG_CONFIG_HOME": state, "XDG_STATE_HOME": state])
        defer { session.kill() }
        let prompt = try await session.waitFor(allOf: ["The sentinels monitor 2 groups", "mymaster", "billing", "Which one (1-2)?"])
        // The list's order is the sentinels'; pick billing by the number shown beside it.
        let line = try #require(prompt.split(separator: "\n").first { $0.contains("billing") }, "no billing line:\n\(prompt)")
        let number = try #require(line.split(separator: ")").first.map { String($0).trimmingCharacters(in: .whitespaces) }, "no number: \(line)")
        #expect(line.contains("127.0.0.1:\(other.port)"), "the group's primary is listed: \(line)")
        try session.sendText(number)
        try session.sendKeys("Enter")
        try await session.waitFor(allOf: ["Sentinel billing", "primary 127.0.0.1:\(other.port)"], timeout: .seconds(20))
        try session.sendKeys("q")
    }
}
