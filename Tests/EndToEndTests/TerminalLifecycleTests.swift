import Foundation
import Testing

/// Runs `cachescope --ui-smoke-test` in a real terminal (tmux) and checks what a person would
/// see: the frame, keys, resizing, pasting, quitting, and a terminal left as it was found.
@Suite("Terminal lifecycle", .timeLimit(.minutes(1)))
struct TerminalLifecycleTests {
    /// The smoke test inside a shell that reports its exit status and stays open to be read.
    static func smokeCommand() throws -> String {
        let binary = try BuildProducts.executable(named: "cachescope")
        return "\(TmuxSession.shellQuote(binary)) --ui-smoke-test; echo EXITED:$?; sleep 30"
    }

    @Test("draws the frame, shows keys and pastes, follows a resize, and restores the shell on q")
    func fullLifecycle() async throws {
        let session = try TmuxSession(command: try Self.smokeCommand())
        defer { session.kill() }

        try await session.waitFor(text: "cachescope smoke")
        try await session.waitFor(text: "size 160x48")
        try await session.waitFor(allOf: ["unicode: yes", "colors: palette256", "日本語"])
        #expect(try session.display("#{alternate_on}") == "1")

        try session.sendKeys("x")
        try await session.waitFor(text: "key: x")

        // A burst of keys: frames coalesce, and the last key is what stays on screen.
        try session.sendText(String(repeating: "abcdefghij", count: 30) + "K")
        try await session.waitFor(text: "key: K")

        try session.resize(width: 120, height: 40)
        try await session.waitFor(text: "size 120x40")

        try session.paste("hello paste")
        try await session.waitFor(text: "paste: hello paste")

        try session.sendKeys("q")
        let after = try await session.waitFor(text: "EXITED:0")
        #expect(!after.contains("cachescope smoke"), "the alternate screen should be gone:\n\(after)")
        #expect(try session.display("#{alternate_on}") == "0")
    }

    @Test("decodes special keys and control chords")
    func specialKeys() async throws {
        let session = try TmuxSession(command: try Self.smokeCommand())
        defer { session.kill() }
        try await session.waitFor(text: "cachescope smoke")

        let cases: [(tmuxKey: String, shown: String)] = [
            ("Up", "key: ↑"), ("Down", "key: ↓"), ("Left", "key: ←"), ("Right", "key: →"),
            ("Home", "key: Home"), ("End", "key: End"), ("PPage", "key: PgUp"), ("NPage", "key: PgDn"),
            ("F5", "key: F5"), ("F12", "key: F12"), ("BTab", "key: Shift-Tab"), ("Tab", "key: Tab"),
            ("Enter", "key: Enter"), ("BSpace", "key: Backspace"), ("DC", "key: Del"),
            ("C-a", "key: Ctrl-A"), ("C-c", "key: Ctrl-C"), ("Escape", "key: Esc"), ("Space", "key: Space"),
            ("é", "key: é"),
        ]
        for (tmuxKey, shown) in cases {
            // A marker key between cases, so each case is seen to change the screen.
            try session.sendKeys("z")
            try await session.waitFor(text: "key: z")
            try session.sendKeys(tmuxKey)
            try await session.waitFor(text: shown + " ", timeout: .seconds(5))
        }
        // Ctrl-C is a key in raw mode: the program is still running.
        #expect(try session.capture().contains("cachescope smoke"))
        try session.sendKeys("q")
        try await session.waitFor(text: "EXITED:0")
    }

    @Test(
        "NO_COLOR turns colour off and COLORTERM=truecolor asks for 24-bit",
        arguments: [
            (["NO_COLOR": "1"], "colors: none"),
            (["COLORTERM": "truecolor"], "colors: truecolor"),
            (["COLORTERM": "24bit", "TERM": "xterm"], "colors: ansi16"),
        ])
    func colorDetection(environment: [String: String], shown: String) async throws {
        let session = try TmuxSession(command: try Self.smokeCommand(), environment: environment)
        defer { session.kill() }
        try await session.waitFor(text: shown + " unicode: yes")
        try session.sendKeys("q")
        try await session.waitFor(text: "EXITED:0")
    }

    @Test("without a UTF-8 locale it draws ASCII only")
    func asciiFallback() async throws {
        let session = try TmuxSession(command: try Self.smokeCommand(), environment: ["LANG": "C", "LC_ALL": "C"])
        defer { session.kill() }
        let screen = try await session.waitFor(allOf: ["unicode: no", "+- cachescope smoke"])
        #expect(!screen.contains("┌"))
        try session.sendKeys("q")
        try await session.waitFor(text: "EXITED:0")
    }

    @Test("SIGTERM restores the terminal and exits with 128 + 15")
    func sigtermRestores() async throws {
        let session = try TmuxSession(command: try Self.smokeCommand())
        defer { session.kill() }
        try await session.waitFor(text: "cachescope smoke")

        let shell = try #require(Int32(try session.display("#{pane_pid}")))
        let program = try await ProcessProbe.waitForChild(of: shell)
        #expect(kill(program, SIGTERM) == 0)

        let after = try await session.waitFor(text: "EXITED:143")
        #expect(!after.contains("cachescope smoke"), "the alternate screen should be gone:\n\(after)")
        #expect(try session.display("#{alternate_on}") == "0")
    }

    @Test("SIGHUP and SIGINT restore the terminal too", arguments: [(SIGHUP, 129), (SIGINT, 130)])
    func otherSignalsRestore(signal: Int32, status: Int) async throws {
        let session = try TmuxSession(command: try Self.smokeCommand())
        defer { session.kill() }
        try await session.waitFor(text: "cachescope smoke")

        let shell = try #require(Int32(try session.display("#{pane_pid}")))
        let program = try await ProcessProbe.waitForChild(of: shell)
        #expect(kill(program, signal) == 0)

        try await session.waitFor(text: "EXITED:\(status)")
        #expect(try session.display("#{alternate_on}") == "0")
    }

    @Test("without a terminal it fails with a clear message instead of breaking anything")
    func notATerminal() throws {
        let result = try CleanSpawn.run(
            try BuildProducts.executable(named: "cachescope"), ["--ui-smoke-test"],
            environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 1)
        #expect(result.errors.contains("needs a terminal"), "stderr was: \(result.errors)")
    }
}
