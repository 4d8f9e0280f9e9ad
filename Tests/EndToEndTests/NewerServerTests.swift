import Foundation
import LocalRedis
import Testing

/// The newer servers' views through the real binary, on the server under test (every server runs
/// it; each part checks what that server has): a hash with field TTLs shows its TTL column and `e`
/// on a field sets that field's TTL, undone with `u` (Redis 7.4+); elsewhere `e` expires the key. A
/// stream shows its groups; a vector set its size (Redis 8+). COMMANDLOG's large requests show in
/// the server pane with `c` (Valkey 8.1+).
@Suite("Newer servers end to end", .timeLimit(.minutes(2)))
struct NewerServerTests {
    @Test("field TTL column and e on a field, stream and vector set summaries, COMMANDLOG in the server pane")
    func newerViews() async throws {
        let binary = try ServerBinary.current()
        let fieldTTLs = binary.name == "valkey" ? binary.isAtLeast(9) : binary.isAtLeast(7, 4)
        let vectorSets = binary.name == "redis" && binary.isAtLeast(8)
        let commandLog = binary.name == "valkey" && binary.isAtLeast(8, 1)
        let server = try LocalRedisServer.start(commandLog ? ["--commandlog-request-larger-than", "200"] : [])
        defer { server.stop() }
        let redis = { (arguments: [String]) throws -> String in try Self.redis(server.port, arguments) }
        _ = try redis(["HSET", "session:42", "token", "abc", "user", "42"])
        _ = try redis(["XADD", "events", "1-0", "page", "home"])
        _ = try redis(["XGROUP", "CREATE", "events", "workers", "0"])
        _ = try redis(["XREADGROUP", "GROUP", "workers", "w1", "COUNT", "1", "STREAMS", "events", ">"])
        if fieldTTLs { _ = try redis(["HEXPIRE", "session:42", "600", "FIELDS", "1", "token"]) }
        if vectorSets { _ = try redis(["VADD", "vec", "VALUES", "2", "0.5", "0.5", "item:1"]) }
        if commandLog { _ = try redis(["SET", "zpage", String(repeating: "x", count: 500)]) }

        let state = NSTemporaryDirectory() + "cachescope-e2e-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: state) }
        let cachescope = try BuildProducts.executable(named: "cachescope")
        let session = try TmuxSession(
            command: "\(TmuxSession.shellQuote(cachescope)) redis://127.0.0.1:\(server.port); sleep 30", environment: ["XDG_CONFIG_HOME": state, "XDG_STATE_HOME": state])
        defer { session.kill() }
        try await session.waitFor(text: "server           \(binary.name) \(binary.version)")
        try session.sendKeys("2")
        try await session.waitFor(text: "keys indexed")

        // The stream (first row): its group and pending count.
        try session.sendKeys("g", "Enter")
        try await session.waitFor(allOf: ["entries   1 · last id 1-0", "workers · 1 consumer · pending 1"])
        try session.sendKeys("Escape")

        // The hash: session: is the second row, its key the third once open.
        try session.sendKeys("g", "j", "Enter")
        try await session.waitFor(text: "42")
        try session.sendKeys("j", "Enter")
        guard fieldTTLs else {
            try await session.waitFor(text: "token = abc")
            #expect(!(try session.capture()).contains("e/p field TTL"), "\(binary)")
            try session.sendKeys("e")
            try await session.waitFor(text: "Expire session:42")
            try session.sendKeys("Escape")
            try await commandLogPart(session, commandLog: commandLog, binary: binary)
            return
        }
        // Select the field without a TTL and give it one.
        let screen = try await session.waitFor(allOf: ["e/p field TTL", "1 of 2 fields expire", "token = abc", "user = 42"])
        let userFirst = (screen.range(of: "user = 42")?.lowerBound ?? screen.endIndex) < (screen.range(of: "token = abc")?.lowerBound ?? screen.endIndex)
        if !userFirst { try session.sendKeys("j") }
        try session.sendKeys("e")
        try await session.waitFor(text: "Expire field user of session:42")
        try session.sendText("90")
        try session.sendKeys("Enter")
        try await session.waitFor(allOf: ["field user of session:42 now expires in", "2 of 2 fields expire"])
        let ttl = Int(try redis(["HTTL", "session:42", "FIELDS", "1", "user"])) ?? -1
        #expect(ttl > 80 && ttl <= 90, "\(binary): HTTL \(ttl)")
        try session.sendKeys("u")
        try await session.waitFor(text: "1 of 2 fields expire")
        #expect(try redis(["HTTL", "session:42", "FIELDS", "1", "user"]) == "-1", "\(binary): undo removed the TTL again")
        let log = try String(contentsOfFile: state + "/cachescope/audit.log", encoding: .utf8)
        #expect(log.contains("\"command\":\"HEXPIRE\"") && log.contains("field=user seconds=90"), "\(binary)")
        try session.sendKeys("Escape")

        if vectorSets {
            try session.sendKeys("G", "Enter")
            try await session.waitFor(allOf: ["type      vectorset", "elements  1 (VCARD)", "dimension 2 (VDIM)", "item:1"])
            try session.sendKeys("Escape")
        }
        try await commandLogPart(session, commandLog: commandLog, binary: binary)
    }

    static func redis(_ port: Int, _ arguments: [String]) throws -> String {
        try RedisCLI.output(port, arguments)
    }

    /// The server pane: `c` shows COMMANDLOG's large requests where the server keeps them.
    func commandLogPart(_ session: TmuxSession, commandLog: Bool, binary: ServerBinary) async throws {
        try session.sendKeys("5")
        try await session.waitFor(text: "updated")
        try session.sendKeys("c")
        if commandLog {
            try await session.waitFor(allOf: ["Large requests (COMMANDLOG)", "SET zpage xxx"])
        } else {
            try await session.waitFor(text: "no COMMANDLOG")
        }
        try session.sendKeys("q")
    }
}
