import Foundation
import LocalRedis
import Testing

/// `cachescope replay FILE` in a real terminal (tmux): a session recorded against a real server
/// with traffic and an alert, replayed after the server is stopped (a replay opens no
/// connection), and files that are not recordings refused before the terminal starts.
@Suite("Replay end to end", .timeLimit(.minutes(3)))
struct ReplayTests {
    @Test("a recorded session replays with the server stopped: :goto shows the recorded hit ratio, t the alert, hostile keys escaped, changes refused")
    func recordThenReplay() async throws {
        let directory = NSTemporaryDirectory() + "cachescope-replay-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let recording = directory + "/incident.db"
        try Self.record(into: recording, directory: directory)

        // What the file says, read with sqlite3: the moment to go to and the ratio it recorded.
        let startedRow = try Self.sql(recording, "SELECT value FROM meta WHERE key = 'started_at_ms'").first ?? ""
        let started: Int64 = try #require(Int64(startedRow))
        let lowRows = try Self.sql(recording, "SELECT t FROM samples WHERE hits IS NOT NULL AND hits + misses > 0 AND hits * 1.0 / (hits + misses) < 0.8 ORDER BY t")
        try #require(lowRows.count >= 3, "the mixed phase was recorded (\(lowRows))")
        let chosen = try #require(Int64(lowRows[lowRows.count / 2]))
        // `:goto` takes whole seconds: the second after the chosen sample shows it as the newest.
        let gotoT: Int64 = ((started + chosen) / 1000 + 1) * 1000 - started
        let recorded = try Self.sql(recording, "SELECT hits, misses FROM samples WHERE t <= \(gotoT) AND hits IS NOT NULL ORDER BY t DESC LIMIT 1")
        let parts: [Double] = (recorded.first ?? "").split(separator: "|").compactMap { Double($0) }
        try #require(parts.count == 2, "\(recorded)")
        let ratio = Self.percent(parts[0] / (parts[0] + parts[1]))
        let firingRow = try Self.sql(recording, "SELECT t FROM alerts WHERE rule = 'hit-ratio-low' AND state = 'firing' ORDER BY t LIMIT 1").first ?? ""
        let firing: Int64 = try #require(Int64(firingRow), "the alert fired")
        let firstSample = try Self.firstSample(recording)
        // A hostile key name in the audit: escape sequences, a BEL and bytes that are not UTF-8.
        _ = try Self.sql(recording, "INSERT INTO actions VALUES (\(chosen), 0, 'expire', X'6B65793A1B5B33316D7265641B5D303B6F776E6564071B5B324AFFFE', 1, 'done', 'ttl 90')")

        let binary = try BuildProducts.executable(named: "cachescope")
        let command = "\(TmuxSession.shellQuote(binary)) replay \(TmuxSession.shellQuote(recording)); echo EXITED:$?; sleep 30"
        let session = try TmuxSession(command: command, environment: ["XDG_CONFIG_HOME": directory])
        defer { session.kill() }
        try await session.waitFor(allOf: ["REPLAY", "replay incident.db", "Space pause", "t next alert"])

        try session.sendKeys("Space")
        try await session.waitFor(text: "PAUSED")
        try session.sendText(":goto \(Self.clock(started + gotoT))")
        try session.sendKeys("Enter")
        try await session.waitFor(allOf: ["PAUSED \(Self.clock(started + gotoT))", "hit ratio \(ratio)"])

        // t from the start: the first recorded transition, and the alert bar shows it firing.
        try session.sendKeys("g")
        try await session.waitFor(text: "PAUSED \(Self.clock(started + firstSample))")
        try session.sendKeys("t")
        try await session.waitFor(allOf: ["PAUSED \(Self.clock(started + firing))", "FIRING", "hit-ratio-low"])

        // The recorded actions: the hostile key shown escaped, never raw.
        try session.sendText(":goto \(Self.clock(started + gotoT))")
        try session.sendKeys("Enter")
        try session.sendKeys("e")
        let overlay = try await session.waitFor(allOf: ["Recorded actions (audit) and events", "action expire key:\\x1b[31mred\\x1b]0;owned\\a\\x1b[2J\\xff\\xfe", "done ttl 90"])
        #expect(!overlay.contains("\u{1b}"))
        try session.sendKeys("Escape")

        // A change key is refused, plainly.
        try session.sendKeys("d")
        try await session.waitFor(text: "replay: delete refused: a replay opens no connection, nothing can be changed")
        try session.sendKeys("2")
        try await session.waitFor(allOf: ["Keys (replay)", "Replay has no data for key names, values and TTLs"])
        try session.sendKeys("3")
        try await session.waitFor(text: "Replay has no data for the leaderboard")
        // The server pane in a replay: the audit, the hostile key escaped there too.
        try session.sendKeys("5")
        let server = try await session.waitFor(allOf: ["Server (replay)", "action expire key:\\x1b[31mred"])
        #expect(!server.contains("\u{1b}"))

        try session.sendKeys("q")
        try await session.waitFor(text: "EXITED:0")
    }

    @Test("a recording of a newer schema version is refused with a clear error and a failure status")
    func newerVersion() throws {
        let directory = NSTemporaryDirectory() + "cachescope-replay-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/future.db"
        _ = try Self.sql(path, "PRAGMA application_id = 1129530192; PRAGMA user_version = 2; CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);")
        let result = try CleanSpawn.run(try BuildProducts.executable(named: "cachescope"), ["replay", path], environment: [:])
        #expect(result.status == 1)
        #expect(result.errors.contains("\(path) is a recording of schema version 2; this cachescope reads up to version 1: use a newer cachescope"))
    }

    @Test("random bytes are not a recording: a clear error, a failure status, no crash")
    func corrupt() throws {
        let directory = NSTemporaryDirectory() + "cachescope-replay-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var generator = SplitMix(seed: 20)
        for (name, bytes) in [("random.db", (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }), ("empty.db", [])] {
            let path = directory + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let result = try CleanSpawn.run(try BuildProducts.executable(named: "cachescope"), ["replay", path], environment: [:])
            #expect(result.status == 1, "\(name): \(result.errors)")
            #expect(result.errors.contains("cachescope: \(path) is not a cachescope recording"), "\(name): \(result.errors)")
        }
        let missing = try CleanSpawn.run(try BuildProducts.executable(named: "cachescope"), ["replay", directory + "/none.db"], environment: [:])
        #expect(missing.status == 1)
        #expect(missing.errors.contains("is not a cachescope recording"))
    }

    // MARK: - Recording

    /// Records a session against a real server: hits, then one hit for three misses (the
    /// hit-ratio-low rule, made to fire at once, fires), then hits again (it resolves). The
    /// server is stopped before this returns.
    private static func record(into recording: String, directory: String) throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let config = directory + "/config.toml"
        try "[alerts.hit-ratio-low]\nbelow = 0.8\nfor = \"0s\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        try RawRedis.run(port: server.port, [["SET", "user:1", "x"].map { Array($0.utf8) }])
        let binary = try BuildProducts.executable(named: "cachescope")
        let command =
            "\(TmuxSession.shellQuote(binary)) --config \(TmuxSession.shellQuote(config)) --record \(TmuxSession.shellQuote(recording)) redis://127.0.0.1:\(server.port); echo EXITED:$?; sleep 30"
        let session = try TmuxSession(command: command, environment: ["XDG_CONFIG_HOME": directory])
        defer { session.kill() }
        try waitSync { try session.capture().contains(" REC ") && session.capture().contains("primary") }
        let hit = ["GET", "user:1"].map { Array($0.utf8) }
        let miss = ["GET", "user:missing"].map { Array($0.utf8) }
        for (batch, seconds) in [([hit, hit, hit, hit], 4.0), ([hit, miss, miss, miss], 6.0), ([hit, hit, hit, hit], 4.0)] {
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                try RawRedis.run(port: server.port, batch)
                Thread.sleep(forTimeInterval: 0.25)
            }
        }
        try session.sendKeys("q")
        try waitSync { try session.capture().contains("EXITED:0") }
    }

    private static func waitSync(timeout: TimeInterval = 15, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw TmuxSession.Failure(description: "timed out while recording")
    }

    // MARK: - Reading the file

    /// Runs `statement` with the sqlite3 shell; one string per row, columns joined by `|`.
    private static func sql(_ path: String, _ statement: String) throws -> [String] {
        let result = try CleanSpawn.run("/usr/bin/sqlite3", [path, statement], environment: [:])
        guard result.status == 0 else { throw TmuxSession.Failure(description: "sqlite3 failed: \(result.errors)") }
        return result.output.split(separator: "\n").map(String.init)
    }

    private static func firstSample(_ path: String) throws -> Int64 {
        let row = try sql(path, "SELECT min(t) FROM samples").first ?? ""
        return try #require(Int64(row))
    }

    /// `HH:MM:SS` (UTC) of wall-clock milliseconds, as the timeline writes it.
    private static func clock(_ wallMilliseconds: Int64) -> String {
        let seconds = (wallMilliseconds / 1000) % 86_400
        return String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    /// The dashboard's percentage (`Formatting.percent`).
    private static func percent(_ fraction: Double) -> String {
        let v = fraction * 100
        if v == v.rounded() && v >= 10 { return "\(Int(v.rounded()))%" }
        return String(format: "%.1f%%", v)
    }
}

/// A small seeded generator, so that the "random" file is the same on every run.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
