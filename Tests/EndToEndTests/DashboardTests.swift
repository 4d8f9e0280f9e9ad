import Foundation
import LocalRedis
import Testing

/// The real dashboard in a real terminal (tmux) against a real redis-server: what an operator
/// sees on the overview, the help, the command line, a screen dump, and a clean exit.
@Suite("Dashboard end to end", .timeLimit(.minutes(2)))
struct DashboardTests {
    @Test("overview shows live figures, help opens, :dump writes files, q restores the terminal")
    func overviewHelpDumpQuit() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        // A known workload: 300 hits and 100 misses, 75% as the server counts it.
        let workload = "SET user:1 x\n" + String(repeating: "GET user:1\n", count: 300) + (0..<100).map { "GET user:missing:\($0)\n" }.joined()
        let cli = Process()
        cli.executableURL = URL(fileURLWithPath: "/usr/bin/redis-cli")
        cli.arguments = ["-p", String(server.port)]
        let input = Pipe()
        cli.standardInput = input
        cli.standardOutput = FileHandle.nullDevice
        try cli.run()
        input.fileHandleForWriting.write(Data(workload.utf8))
        try input.fileHandleForWriting.close()
        cli.waitUntilExit()
        let dumpDirectory = NSTemporaryDirectory() + "cachescope-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dumpDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dumpDirectory) }
        let binary = try BuildProducts.executable(named: "cachescope")
        let command = "cd \(TmuxSession.shellQuote(dumpDirectory)) && \(TmuxSession.shellQuote(binary)) redis://127.0.0.1:\(server.port); echo EXITED:$?; sleep 30"
        let session = try TmuxSession(command: command, environment: ["XDG_CONFIG_HOME": dumpDirectory])
        defer { session.kill() }

        try await session.waitFor(text: "127.0.0.1:\(server.port)")
        try await session.waitFor(allOf: ["primary", "Nodes", "no alerts"])
        // The server's name and own version (Valkey's, not the redis_version it keeps for clients).
        let serverBinary = try ServerBinary.current()
        try await session.waitFor(text: "server           \(serverBinary.name) \(serverBinary.version)")
        // The server's own figure since start, on screen.
        try await session.waitFor(text: "hit% since start 75%")

        try session.sendKeys("?")
        try await session.waitFor(text: "Help: Overview")
        try session.sendKeys("Escape")
        try session.sendText(":dump")
        try session.sendKeys("Enter")
        try await session.waitFor(text: "dumped to")
        let files = try FileManager.default.contentsOfDirectory(atPath: dumpDirectory).filter { $0.hasPrefix("cachescope-") }
        #expect(files.contains { $0.hasSuffix(".txt") })
        #expect(files.contains { $0.hasSuffix(".json") })
        if let text = files.first(where: { $0.hasSuffix(".txt") }) {
            let dumped = try String(contentsOfFile: dumpDirectory + "/" + text, encoding: .utf8)
            #expect(dumped.contains("127.0.0.1:\(server.port)"))
        }

        try session.sendKeys("q")
        let after = try await session.waitFor(text: "EXITED:0")
        #expect(!after.contains("Nodes"))
        #expect(try session.display("#{alternate_on}") == "0")
    }

    @Test("a node that goes down is shown down with its error, and recovers by itself")
    func nodeDownAndBack() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let binary = try BuildProducts.executable(named: "cachescope")
        let session = try TmuxSession(command: "\(TmuxSession.shellQuote(binary)) redis://127.0.0.1:\(server.port); sleep 30", environment: ["XDG_CONFIG_HOME": NSTemporaryDirectory()])
        defer { session.kill() }
        try await session.waitFor(text: "primary")
        server.stop()
        try await session.waitFor(allOf: ["connection refused", "DOWN", "node-unreachable"])
        try server.restart()
        try await session.waitFor(text: "primary", timeout: .seconds(20))
        let back = try await session.waitFor(text: "RESOLVED", timeout: .seconds(10))
        #expect(!back.contains("connection refused"))
        try session.sendKeys("q")
    }
}
