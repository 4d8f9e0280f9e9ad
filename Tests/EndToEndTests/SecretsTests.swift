import Foundation
import LocalRedis
import Testing

/// A password given through REDISCLI_AUTH, a URI or -a never reaches the screen, a dump, the
/// audit log or an error message; only -a/URI put it in our own argv (as with redis-cli), and
/// then a warning is printed. TLS is verified unless --insecure, which the status bar says.
@Suite("Secrets and TLS end to end", .timeLimit(.minutes(3)))
struct SecretsTests {
    static func processOf(_ session: TmuxSession) async throws -> Int32 {
        let shell = try #require(Int32(try session.display("#{pane_pid}")))
        return try await ProcessProbe.waitForChild(of: shell)
    }

    static func commandLine(of pid: Int32) -> String {
        let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") ?? Data()
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
    }

    /// Every file under `directory`, as text.
    static func contents(under directory: String) -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let path = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: directory + "/" + path) {
                result[path] = String(decoding: data, as: UTF8.self)
            }
        }
        return result
    }

    @Test("REDISCLI_AUTH, -a and URI passwords: never on screen, in dumps, the audit log or errors")
    func passwordNeverShown() async throws {
        let password = "Pw-\(UUID().uuidString.prefix(12))"
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        // Set on stdin so no command line (not even the test's) carries it.
        _ = try RawRedis.stdin(port: server.port, ["SET victim precious", "CONFIG SET requirepass \(password)"])
        let binary = try BuildProducts.executable(named: "cachescope")
        let work = NSTemporaryDirectory() + "cachescope-secrets-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let environment = ["XDG_CONFIG_HOME": work, "XDG_STATE_HOME": work]

        // 1. REDISCLI_AUTH: connects, deletes a key (audit log), dumps the screen; no warning.
        do {
            let session = try TmuxSession(
                command: "cd \(TmuxSession.shellQuote(work)) && \(TmuxSession.shellQuote(binary)) redis://127.0.0.1:\(server.port) 2>stderr-env.txt; echo EXITED:$?; sleep 30",
                environment: environment.merging(["REDISCLI_AUTH": password]) { _, new in new })
            defer { session.kill() }
            var screens = [try await session.waitFor(text: "primary")]
            let pid = try await Self.processOf(session)
            #expect(!Self.commandLine(of: pid).contains(password))
            try session.sendKeys("2")
            screens.append(try await session.waitFor(text: "1 keys indexed"))
            try session.sendKeys("g", "d")
            screens.append(try await session.waitFor(text: "u undoes it"))
            try session.sendKeys("y")
            screens.append(try await session.waitFor(text: "deleted 1 key"))
            try session.sendText(":dump")
            try session.sendKeys("Enter")
            screens.append(try await session.waitFor(text: "dumped to"))
            try session.sendKeys("q")
            screens.append(try await session.waitFor(text: "EXITED:0"))
            for screen in screens { #expect(!screen.contains(password), "\(screen)") }
        }
        // 2. -a: the same warning as redis-cli on stderr; argv holds it (documented), the screen does not.
        do {
            let session = try TmuxSession(
                command: "cd \(TmuxSession.shellQuote(work)) && \(TmuxSession.shellQuote(binary)) -p \(server.port) -a \(password) 2>stderr-flag.txt; echo EXITED:$?; sleep 30",
                environment: environment)
            defer { session.kill() }
            let screen = try await session.waitFor(text: "primary")
            let pid = try await Self.processOf(session)
            #expect(Self.commandLine(of: pid).contains(password), "argv of a -a run is visible to ps, as with redis-cli")
            #expect(!screen.contains(password))
            try session.sendKeys("q")
            try await session.waitFor(text: "EXITED:0")
        }
        // 3. A wrong password in a URI: the error names the node and WRONGPASS, never the password typed.
        do {
            let wrong = "Wrong-\(UUID().uuidString.prefix(8))"
            let session = try TmuxSession(
                command: "cd \(TmuxSession.shellQuote(work)) && \(TmuxSession.shellQuote(binary)) redis://:\(wrong)@127.0.0.1:\(server.port) 2>stderr-uri.txt; echo EXITED:$?; sleep 30",
                environment: environment)
            defer { session.kill() }
            let screen = try await session.waitFor(allOf: ["WRONGPASS", "127.0.0.1:\(server.port)"])
            #expect(!screen.contains(wrong) && !screen.contains(password), "\(screen)")
            try session.sendText(":dump")
            try session.sendKeys("Enter")
            try await session.waitFor(text: "dumped to")
            try session.sendKeys("q")
            try await session.waitFor(text: "EXITED:0")
            let files = Self.contents(under: work)
            for (path, text) in files { #expect(!text.contains(wrong), "\(path) holds the wrong password") }
        }

        let files = Self.contents(under: work)
        #expect(files.keys.contains { $0.hasSuffix("audit.log") }, "no audit log in \(files.keys.sorted())")
        #expect(files.keys.contains { $0.hasPrefix("cachescope-") && $0.hasSuffix(".txt") }, "no dump in \(files.keys.sorted())")
        for (path, text) in files where path != "stderr-flag.txt" {
            #expect(!text.contains(password), "\(path) holds the password")
        }
        #expect(!(files["stderr-env.txt"] ?? "").contains("Warning"))
        #expect((files["stderr-flag.txt"] ?? "").contains("Warning: Using a password on the command line may not be safe"))
        #expect(!(files["stderr-flag.txt"] ?? "").contains(password))
        #expect((files["stderr-uri.txt"] ?? "").contains("Warning: Using a password on the command line"))
    }

    @Test("TLS: a self-signed server fails verification by default; --insecure connects and says so in the status bar")
    func tlsVerification() async throws {
        let certificates = try TLSCertificates.generate()
        let server = try LocalRedisServer.start(tls: certificates)
        defer { server.stop() }
        let binary = try BuildProducts.executable(named: "cachescope")
        do {
            let session = try TmuxSession(
                command: "\(TmuxSession.shellQuote(binary)) rediss://127.0.0.1:\(server.port); echo EXITED:$?; sleep 30",
                environment: ["XDG_CONFIG_HOME": NSTemporaryDirectory()])
            defer { session.kill() }
            let screen = try await session.waitFor(allOf: ["certificate verify failed", "DOWN"])
            #expect(!screen.contains("TLS NOT VERIFIED"))
            try session.sendKeys("q")
            try await session.waitFor(text: "EXITED:0")
        }
        do {
            let session = try TmuxSession(
                command: "\(TmuxSession.shellQuote(binary)) rediss://127.0.0.1:\(server.port) --insecure; echo EXITED:$?; sleep 30",
                environment: ["XDG_CONFIG_HOME": NSTemporaryDirectory()])
            defer { session.kill() }
            try await session.waitFor(allOf: ["primary", "TLS NOT VERIFIED"])
            try session.sendKeys("2")
            // The warning stays on every pane.
            try await session.waitFor(allOf: ["keys indexed", "TLS NOT VERIFIED"])
            try session.sendKeys("q")
            try await session.waitFor(text: "EXITED:0")
        }
    }
}
