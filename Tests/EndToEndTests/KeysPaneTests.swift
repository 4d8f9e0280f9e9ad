import Foundation
import LocalRedis
import Testing

/// The keys pane in a real terminal against a real redis-server holding ordinary, binary and
/// hostile keys: the tree counts, a value opened, and escape sequences shown escaped.
@Suite("Keys pane end to end", .timeLimit(.minutes(2)))
struct KeysPaneTests {
    /// Writes keys with redis-cli (`-x` reads the value from stdin, so any bytes can go in).
    static func redisCLI(_ port: Int, _ arguments: [String], stdin: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/redis-cli")
        process.arguments = ["-p", String(port)] + arguments
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    @Test("tree counts, opening a JSON value, hostile keys escaped, filter")
    func browse() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        for id in 1...30 { try Self.redisCLI(server.port, ["SET", "user:\(id)", "{\"id\":\(id),\"name\":\"n\(id)\"}", "EX", "3600"]) }
        for id in 1...5 { try Self.redisCLI(server.port, ["SET", "user:\(id):lock", "1"]) }
        try Self.redisCLI(server.port, ["HSET", "session:abc", "user_id", "7"])
        // A key that would clear the screen and retitle the terminal if printed raw.
        try Self.redisCLI(server.port, ["-x", "SET", "evil\u{1b}[2J\u{1b}]0;pwned\u{07}"], stdin: "boom")
        let binary = try BuildProducts.executable(named: "cachescope")
        let session = try TmuxSession(command: "\(TmuxSession.shellQuote(binary)) redis://127.0.0.1:\(server.port); sleep 30", environment: ["XDG_CONFIG_HOME": NSTemporaryDirectory()])
        defer { session.kill() }
        try await session.waitFor(text: "primary")
        try session.sendKeys("2")
        // The hostile key is listed escaped.
        let screen = try await session.waitFor(allOf: ["37 keys indexed", "▸ user:", "evil\\x1b[2J\\x1b]0;pwned\\a"])
        #expect(!screen.contains("pwned\u{07}"))
        // user: holds 35 keys, 5 of them without TTL (the locks).
        let userRow = screen.split(separator: "\n").first { $0.contains("▸ user:") }.map(String.init) ?? ""
        #expect(userRow.contains(" 35 "), "user: row: \(userRow)")
        #expect(userRow.hasSuffix("5┃") || userRow.contains(" 5"), "user: row: \(userRow)")

        // Filter to one key and open it.
        try session.sendKeys("/")
        try session.sendText("user:7")
        try session.sendKeys("Enter")
        try await session.waitFor(text: "key matches")
        try session.sendKeys("t")  // flat list
        try await session.waitFor(text: "sort name · list")
        try session.sendKeys("g", "Enter")
        try await session.waitFor(allOf: ["\"name\": \"n7\"", "left", "string"])
        try session.sendKeys("Escape", "Escape")
        try session.sendKeys("q")
    }
}
