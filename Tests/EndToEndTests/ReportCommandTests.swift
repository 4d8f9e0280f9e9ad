import Foundation
import LocalRedis
import Testing

/// `cachescope report` on a recording the dashboard made of a real server: an alert that fires
/// and resolves, an expire of a hostile key name; the Markdown on stdout, the HTML page and the
/// Markdown file, and a time that cannot be read refused with exit status 2.
@Suite("Report command end to end", .timeLimit(.minutes(2)))
struct ReportCommandTests {
    /// A key name that would disturb a terminal and is not UTF-8.
    static let hostileKey: [UInt8] = [0x1B] + Array("[31m<evil>".utf8) + [0xFF, 0x07]

    /// Runs the binary to completion: exit status, standard output and standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuildProducts.executable(named: "cachescope"))
        process.arguments = arguments
        let directory = FileManager.default.temporaryDirectory
        let out = directory.appendingPathComponent("report-\(UUID().uuidString).out")
        let err = directory.appendingPathComponent("report-\(UUID().uuidString).err")
        for file in [out, err] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        defer { for file in [out, err] { try? FileManager.default.removeItem(at: file) } }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self), String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    @Test("a real session's recording: the alert summary, the charts, the expire with its key escaped, exit 2 on a bad time")
    func reportOfARealRecording() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        _ = try RedisCLI.output(server.port, ["CONFIG", "SET", "maxmemory", "40mb"])
        try RawRedis.run(port: server.port, [[Array("SET".utf8), Self.hostileKey, Array("v".utf8)]])
        let directory = NSTemporaryDirectory() + "cachescope-report-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try RecordingSession.writeMemoryHalfRule(in: directory)  // fires once memory passes half of maxmemory
        let file = directory + "/incident.db"
        let session = try RecordingSession.start(port: server.port, file: file, directory: directory)
        defer { session.kill() }
        try await session.waitFor(allOf: ["primary", "REC"])
        _ = try RedisCLI.output(server.port, ["DEBUG", "POPULATE", "2000", "traffic", "10"])
        _ = try RedisCLI.output(server.port, ["SETRANGE", "big", "25000000", "x"])
        try await session.waitFor(text: "memory-half")
        try await Task.sleep(for: .seconds(2))
        _ = try RedisCLI.output(server.port, ["DEL", "big"])
        try session.sendKeys("2")
        try await session.waitFor(text: "keys indexed")
        try session.sendKeys("g", "e")
        try await session.waitFor(text: "Expire")
        try session.sendText("900")
        try session.sendKeys("Enter")
        try await session.waitFor(text: "now expires in")
        try await Task.sleep(for: .seconds(2))
        try session.sendKeys("q")
        try await Task.sleep(for: .seconds(1))

        let node = "127.0.0.1:\(server.port)"
        let printed = try Self.run(["report", file])
        #expect(printed.status == 0, "stderr: \(printed.err)")
        let markdown = printed.out
        // The rule crossed, on which node, and that it resolved (a duration, not "still firing").
        let alert = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| memory-half |") }, "\(markdown)")
        #expect(alert.contains(node) && !alert.contains("still firing"), "\(alert)")
        #expect(markdown.contains("| \(node) | master |"))
        // The window runs to the recording's last row: its stop, after the last sample.
        #expect(markdown.contains("| all | recording | stopped |"), "\(markdown)")
        // The expire, its key escaped once: visible escapes, Markdown punctuation escaped, no raw byte.
        #expect(markdown.contains("| expire | \\\\x1b\\[31m\\<evil\\>\\\\xff\\\\x07 | 1 | done |"), "\(markdown)")
        #expect(!markdown.utf8.contains(0x1B) && !markdown.utf8.contains(0x07))

        let html = directory + "/incident.html"
        let md = directory + "/incident.md"
        let written = try Self.run(["report", file, "--html", html, "--markdown", md])
        #expect(written.status == 0 && written.out.isEmpty, "stdout: \(written.out), stderr: \(written.err)")
        #expect(try String(contentsOfFile: md, encoding: .utf8) == markdown)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        // To look at it: CACHESCOPE_REPORT_HTML=/tmp/real.html keeps a copy.
        if let keep = ProcessInfo.processInfo.environment["CACHESCOPE_REPORT_HTML"] { try page.write(toFile: keep, atomically: true, encoding: .utf8) }
        #expect(page.components(separatedBy: "<polyline").count - 1 == 5, "five charts of one node")
        #expect(page.contains("fill=\"#f6c9c4\""), "the alert period is shaded")
        #expect(page.contains("<td>\\x1b[31m&lt;evil&gt;\\xff\\x07</td>"))
        for forbidden in ["<script", "http://", "https://", "@import", "url("] { #expect(!page.contains(forbidden)) }

        let bad = try Self.run(["report", file, "--from", "25:99"])
        #expect(bad.status == 2)
        #expect(bad.err.contains("25:99 is not a time") && bad.err.split(separator: "\n").count == 1, "\(bad.err)")
        let reversed = try Self.run(["report", file, "--from", "2026-01-01T10:00:00Z", "--to", "2026-01-01T09:00:00Z"])
        #expect(reversed.status == 2 && reversed.err.contains("is before --from"), "\(reversed.err)")
    }
}
