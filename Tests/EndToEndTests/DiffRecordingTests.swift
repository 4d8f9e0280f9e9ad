import Foundation
import LocalRedis
import Testing

/// `cachescope diff FILE@T1 FILE@T2` on a recording the dashboard wrote of a real server while
/// 500 keys were added and the eviction policy changed.
@Suite("Diff command: two moments of a recording", .timeLimit(.minutes(2)))
struct DiffRecordingTests {
    /// Now as `HH:MM:SS`, UTC, the way moments are written.
    static func clock(_ date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: date)
    }

    @Test("the keys and the policy changed between the moments; a moment outside the recording is refused")
    func moments() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        _ = try RedisCLI.output(server.port, ["CONFIG", "SET", "maxmemory-policy", "noeviction"])
        let directory = NSTemporaryDirectory() + "cachescope-diffrec-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/incident.db"
        let session = try RecordingSession.start(port: server.port, file: file, directory: directory)
        defer { session.kill() }
        try await session.waitFor(text: "primary")
        try await Task.sleep(for: .seconds(2.5))
        let before = Self.clock()
        try await Task.sleep(for: .seconds(1))
        _ = try RedisCLI.output(server.port, ["EVAL", "for i=1,500 do redis.call('SET','order:'..i,string.rep('x',200)) end", "0"])
        _ = try RedisCLI.output(server.port, ["CONFIG", "SET", "maxmemory-policy", "allkeys-lru"])
        try await Task.sleep(for: .seconds(3))
        let after = Self.clock()
        try await Task.sleep(for: .seconds(1.5))
        try session.sendKeys("q")
        try await Task.sleep(for: .seconds(1))

        let result = try DiffCommandTests.run(["diff", "--json", "\(file)@\(before)", "\(file)@\(after)"])
        #expect(result.status == 0, "\(result.err)")
        let rows = try DiffCommandTests.rows(result.out)
        #expect(rows.contains { $0["section"] as? String == "keys" && $0["name"] as? String == "keys" && $0["delta"] as? Double == 500 }, "\(result.out)")
        #expect(rows.contains { $0["section"] as? String == "config" && $0["before"] as? String == "noeviction" && $0["after"] as? String == "allkeys-lru" }, "\(result.out)")
        #expect(rows.contains { $0["section"] as? String == "memory" && $0["name"] as? String == "used memory" && ($0["delta"] as? Double ?? 0) > 100_000 }, "\(result.out)")
        let text = try DiffCommandTests.run(["diff", "\(file)@\(before)", "\(file)@\(after)"])
        #expect(text.out.contains("incident.db@") && text.out.contains(" UTC") && text.out.contains("allkeys-lru"), "\(text.out)")

        let hourAgo = Self.clock(Date().addingTimeInterval(-3600))
        let outside = try DiffCommandTests.run(["diff", "\(file)@\(hourAgo)", "\(file)@\(after)"])
        #expect(outside.status == 2)
        #expect(outside.err.contains("outside the recording"), "\(outside.err)")
        let plain = try DiffCommandTests.run(["diff", file, file])
        #expect(plain.status == 2 && plain.err.contains("name a moment"), "\(plain.err)")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: directory + "/corrupt.db"))
        let corrupt = try DiffCommandTests.run(["diff", directory + "/corrupt.db@\(before)", directory + "/corrupt.db@\(after)"])
        #expect(corrupt.status == 2 && corrupt.err.contains("not a cachescope recording"), "\(corrupt.err)")
        // The real recording cut short: SQLite finds it malformed, and diff says so in one line.
        let whole = try Data(contentsOf: URL(fileURLWithPath: file))
        try whole.prefix(6000).write(to: URL(fileURLWithPath: directory + "/cut.db"))
        let cut = try DiffCommandTests.run(["diff", directory + "/cut.db@\(before)", directory + "/cut.db@\(after)"])
        #expect(cut.status == 2 && cut.err.split(separator: "\n").count == 1, "\(cut.err)")
    }
}
