import Foundation
import LocalRedis
import Testing

/// Changing data through the keyboard, as an operator would: delete a key with `d` `y`, see it
/// gone from the server, undo with `u`, see it back with its TTL; expire with a typed TTL; a TTL
/// typed as "abc" changes nothing; read-only mode refuses.
@Suite("Mutations end to end", .timeLimit(.minutes(2)))
struct MutationTests {
    static func redis(_ port: Int, _ arguments: String...) throws -> String {
        try RedisCLI.output(port, arguments)
    }

    @Test("delete with d y, undo with u, expire with e, a bad TTL changes nothing; the audit log records it")
    func deleteUndoExpire() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        _ = try Self.redis(server.port, "SET", "victim", "precious", "EX", "5000")
        let state = NSTemporaryDirectory() + "cachescope-e2e-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: state) }
        let binary = try BuildProducts.executable(named: "cachescope")
        let session = try TmuxSession(command: "\(TmuxSession.shellQuote(binary)) redis://127.0.0.1:\(server.port); sleep 30", environment: ["XDG_CONFIG_HOME": state, "XDG_STATE_HOME": state])
        defer { session.kill() }
        try await session.waitFor(text: "primary")
        try session.sendKeys("2")
        try await session.waitFor(text: "1 keys indexed")
        try session.sendKeys("g", "d")
        try await session.waitFor(text: "u undoes it")
        try session.sendKeys("y")
        try await session.waitFor(text: "deleted 1 key")
        #expect(try Self.redis(server.port, "EXISTS", "victim") == "0")

        try session.sendKeys("u")
        try await session.waitFor(text: "restored 1")
        #expect(try Self.redis(server.port, "GET", "victim") == "precious")
        let ttl = Int(try Self.redis(server.port, "TTL", "victim")) ?? -1
        #expect(ttl > 4900 && ttl <= 5000, "TTL restored: \(ttl)")

        try await session.waitFor(text: "victim")
        try session.sendKeys("g", "e")
        try await session.waitFor(text: "Expire victim")
        try session.sendText("abc")
        try session.sendKeys("Enter")
        try await session.waitFor(text: "invalid TTL \"abc\"")
        #expect(Int(try Self.redis(server.port, "TTL", "victim")) ?? -1 > 4800, "a bad TTL changes nothing")
        try session.sendKeys("C-u")
        try session.sendText("90")
        try session.sendKeys("Enter")
        try await session.waitFor(text: "victim now expires in")
        let newTTL = Int(try Self.redis(server.port, "TTL", "victim")) ?? -1
        #expect(newTTL > 80 && newTTL <= 90)

        let log = try String(contentsOfFile: state + "/cachescope/audit.log", encoding: .utf8)
        let lines = log.split(separator: "\n")
        #expect(lines.count >= 3)
        #expect(log.contains("\"victim\""))
        #expect(log.contains("UNLINK"))
        #expect(log.contains("RESTORE"))
        #expect(log.contains("EXPIRE"))
        try session.sendKeys("q")
    }

    @Test("read-only: the dangerous keys are gone from the help and d does nothing")
    func readOnly() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        _ = try Self.redis(server.port, "SET", "keep", "1")
        let binary = try BuildProducts.executable(named: "cachescope")
        let session = try TmuxSession(command: "\(TmuxSession.shellQuote(binary)) --read-only redis://127.0.0.1:\(server.port); sleep 30", environment: ["XDG_CONFIG_HOME": NSTemporaryDirectory()])
        defer { session.kill() }
        try await session.waitFor(text: "READ-ONLY")
        try session.sendKeys("2")
        try await session.waitFor(text: "1 keys indexed")
        try session.sendKeys("?")
        let help = try await session.waitFor(text: "Help: Keys")
        #expect(!help.contains("delete"))
        #expect(!help.contains("expire"))
        try session.sendKeys("Escape", "g", "d")
        try await Task.sleep(for: .milliseconds(500))
        #expect(try Self.redis(server.port, "EXISTS", "keep") == "1")
        #expect(!(try session.capture()).contains("Delete"))
        try session.sendKeys("q")
    }
}
