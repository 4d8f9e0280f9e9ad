import Foundation
import LocalRedis
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Recording a real session: samples, an alert that fires and resolves, an expire made through
/// the mutation path, a hostile key name kept as bytes, no value anywhere in the file; and a
/// `kill -9` that loses at most the last second or two.
@Suite("Recording end to end", .timeLimit(.minutes(2)))
struct RecordingEndToEndTests {
    /// A key name that would disturb a terminal and is not UTF-8.
    static let hostileKey: [UInt8] = [0x1B] + Array("[31mevil".utf8) + [0xFF, 0x07]
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02X", $0) }.joined() }

    @Test("10 s with traffic: a sample per second, an alert that fires and resolves, the expire, no value bytes")
    func recordsASession() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let marker = "VALUE-MARKER-\(UUID().uuidString)"
        _ = try RedisCLI.output(server.port, ["CONFIG", "SET", "maxmemory", "40mb"])
        _ = try RedisCLI.output(server.port, ["SET", "zz:secret", marker])
        try RawRedis.run(port: server.port, [[Array("SET".utf8), Self.hostileKey, Array(marker.utf8)]])
        let directory = NSTemporaryDirectory() + "cachescope-rec-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try RecordingSession.writeMemoryHalfRule(in: directory)  // fires once memory passes half of maxmemory
        let file = directory + "/session.db"
        let session = try RecordingSession.start(port: server.port, file: file, directory: directory)
        defer { session.kill() }
        try await session.waitFor(allOf: ["primary", "REC"])
        let started = Date()

        // Traffic, then 25 MB in one key: the rule fires; the key goes: it resolves.
        _ = try RedisCLI.output(server.port, ["DEBUG", "POPULATE", "2000", "traffic", "10"])
        _ = try RedisCLI.output(server.port, ["SETRANGE", "big", "25000000", "x"])
        try await session.waitFor(text: "memory-half")
        _ = try RedisCLI.output(server.port, ["DEL", "big"])

        // The expire, through the keys pane: the hostile key sorts first.
        try session.sendKeys("2")
        try await session.waitFor(text: "keys indexed")
        try session.sendKeys("g", "e")
        try await session.waitFor(text: "Expire")
        try session.sendText("900")
        try session.sendKeys("Enter")
        try await session.waitFor(text: "now expires in")
        let remaining = 10 - Date().timeIntervalSince(started)
        if remaining > 0 { try await Task.sleep(for: .seconds(remaining)) }
        try session.sendKeys("q")
        try await Task.sleep(for: .seconds(1))

        let samples = try SQLiteCLI.integer(file, "SELECT count(*) FROM samples WHERE node = 0")
        let span = try SQLiteCLI.integer(file, "SELECT (max(t) - min(t)) / 1000 + 1 FROM samples")
        #expect(span >= 10)
        #expect(abs(samples - span) <= 1, "about one sample a second: \(samples) over \(span) s")
        #expect(try SQLiteCLI.integer(file, "SELECT count(*) FROM samples WHERE ops > 0") >= samples - 2)
        #expect(try SQLiteCLI.integer(file, "SELECT count(*) FROM samples WHERE ops IS NULL") == 1, "only the first sample has no increments")
        #expect(try SQLiteCLI.query(file, "SELECT role, maxmemory FROM node_states") == "master|41943040")
        let alerts = try SQLiteCLI.query(file, "SELECT state FROM alerts WHERE rule = 'memory-half' ORDER BY t")
        #expect(alerts == "firing\nresolved")
        let action = try SQLiteCLI.query(file, "SELECT action, hex(target), keys, outcome FROM actions")
        #expect(action == "expire|\(Self.hex(Self.hostileKey))|1|done")
        #expect(try SQLiteCLI.query(file, "SELECT kind, detail FROM events ORDER BY t") == "recording|started\nrecording|stopped")

        // No value bytes anywhere: the file and its WAL, as bytes.
        for suffix in ["", "-wal"] {
            guard let bytes = FileManager.default.contents(atPath: file + suffix) else { continue }
            #expect(bytes.range(of: Data(marker.utf8)) == nil, "the value marker is in \(file + suffix)")
        }
    }

    @Test("kill -9 while recording: the file opens and holds all but the last second or two")
    func killedWhileRecording() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let directory = NSTemporaryDirectory() + "cachescope-rec-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/killed.db"
        let session = try RecordingSession.start(port: server.port, file: file, directory: directory)
        defer { session.kill() }
        try await session.waitFor(allOf: ["primary", "REC"])
        let shell = try #require(Int32(try session.display("#{pane_pid}")))
        let program = try await ProcessProbe.waitForChild(of: shell)
        let started = try SQLiteCLI.integer(file, "SELECT value FROM meta WHERE key = 'started_at_ms'")
        try await Task.sleep(for: .seconds(6))
        let killedAt = Int(Date().timeIntervalSince1970 * 1000)
        kill(program, SIGKILL)
        try await Task.sleep(for: .milliseconds(300))

        // Opens with the sqlite3 shell (the WAL is replayed), and is intact.
        #expect(try SQLiteCLI.query(file, "PRAGMA integrity_check") == "ok")
        let last = try SQLiteCLI.integer(file, "SELECT max(t) FROM samples")
        let lost = killedAt - started - last
        #expect(lost <= 2000, "the last \(lost) ms were lost")
        let samples = try SQLiteCLI.integer(file, "SELECT count(*) FROM samples")
        #expect(samples >= 5, "\(samples) samples over 6 s")
        #expect(try SQLiteCLI.integer(file, "SELECT count(*) FROM events WHERE detail = 'stopped'") == 0)
    }

    @Test("a connection's record = starts recording; :record stop and :record start FILE stop and start it, REC says so")
    func startAndStop() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let directory = NSTemporaryDirectory() + "cachescope-rec-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/cachescope", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "[connections.local]\nurl = \"redis://127.0.0.1:\(server.port)\"\nrecord = \"\(directory)/local.db\"\n".write(
            toFile: directory + "/cachescope/config.toml", atomically: true, encoding: .utf8)
        let binary = try BuildProducts.executable(named: "cachescope")
        let session = try TmuxSession(
            command: "\(TmuxSession.shellQuote(binary)) --context local; sleep 30", environment: ["XDG_CONFIG_HOME": directory, "XDG_STATE_HOME": directory])
        defer { session.kill() }
        func titleHasREC() throws -> Bool { try session.capture().split(separator: "\n").first?.contains(" REC ") ?? false }

        try await session.waitFor(allOf: ["primary", "REC", "recording to \(directory)/local.db"])
        #expect(FileManager.default.fileExists(atPath: directory + "/local.db"))
        try await Task.sleep(for: .seconds(2))
        try session.sendKeys(":")
        try session.paste("record stop")
        try session.sendKeys("Enter")
        try await session.waitFor(text: "recording stopped")
        #expect(try !titleHasREC(), "REC after :record stop")

        try session.sendKeys(":")
        try session.paste("record start \(directory)/manual.db")
        try session.sendKeys("Enter")
        try await session.waitFor(text: "recording to \(directory)/manual.db")
        #expect(try titleHasREC())
        #expect(FileManager.default.fileExists(atPath: directory + "/manual.db"))
        try await Task.sleep(for: .seconds(2))
        try session.sendKeys(":")
        try session.paste("record stop")
        try session.sendKeys("Enter")
        try await session.waitFor(text: "recording stopped")
        #expect(try !titleHasREC())

        for name in ["local.db", "manual.db"] {
            let file = directory + "/" + name
            #expect(try SQLiteCLI.integer(file, "SELECT count(*) FROM samples") >= 2, "\(name)")
            #expect(try SQLiteCLI.query(file, "SELECT detail FROM events WHERE kind = 'recording' ORDER BY t") == "started\nstopped", "\(name)")
            #expect(try SQLiteCLI.query(file, "SELECT value FROM meta WHERE key = 'label'") == "local", "\(name)")
        }
        try session.sendKeys("q")
    }
}
