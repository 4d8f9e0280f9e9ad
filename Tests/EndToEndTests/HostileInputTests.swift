import Foundation
import LocalRedis
import Testing

/// Keys, values, hash fields and zset members written by hostile or buggy code, shown in a real
/// terminal (tmux): every escape sequence is shown escaped, the layout stays intact, the pane
/// title and the clipboard are untouched, and a 1 MB single-line value does not stall anything.
@Suite("Hostile data on screen end to end", .timeLimit(.minutes(3)))
struct HostileInputTests {
    static let clear = "\u{1b}[2J"
    static let osc52 = "\u{1b}]52;c;SGVsbG8=\u{07}"
    static let title = "\u{1b}]0;pwned\u{07}"

    /// Fills the server with the hostile entries.
    static func fill(port: Int) throws {
        let invalidUTF8: [UInt8] = [0xFF, 0xFE, 0xC3, 0x28, 0xED, 0xA0, 0x80]
        var big = [UInt8](repeating: UInt8(ascii: "A"), count: 1 << 20)
        big += (clear + title).bytes
        try RawRedis.run(
            port: port,
            [
                ["SET".bytes, ("hostile-clear" + clear).bytes, ("v" + osc52).bytes],
                ["SET".bytes, ("hostile-title" + title).bytes, "plain".bytes],
                ["SET".bytes, "hostile-utf8".bytes + invalidUTF8, invalidUTF8 + "tail".bytes],
                ["SET".bytes, "hostile-rtl\u{202E}gpj.exe".bytes, "zero\u{200B}width\u{200D}joiner\u{2066}".bytes],
                ["HSET".bytes, "hostile-hash".bytes, ("f" + clear).bytes, title.bytes, "ok".bytes, "1".bytes],
                ["ZADD".bytes, "hostile-zset".bytes, "5".bytes, ("m" + osc52).bytes, "3".bytes, "\u{202E}evil".bytes, "1".bytes, invalidUTF8],
                ["SET".bytes, "hostile-big".bytes, big],
            ])
    }

    /// Filters the keys pane to `prefix`, opens the first key and waits for `expected` in it.
    static func open(_ session: TmuxSession, _ prefix: String, expecting expected: String) async throws -> String {
        try session.sendKeys("/")
        try session.sendText(prefix)
        try session.sendKeys("Enter")
        try await session.waitFor(text: "filter *\(prefix)*")
        try session.sendKeys("g", "Enter")
        try await session.waitFor(text: "Esc close")
        return try await session.waitFor(text: expected)
    }

    /// Closes the opened key and waits until the detail is gone.
    static func close(_ session: TmuxSession) async throws {
        try session.sendKeys("Escape", "Escape")
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline, (try? session.capture())?.contains("Esc close") != false {
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The frame is whole: 48 rows, the tab bar on top, the hint bar at the bottom.
    static func expectIntact(_ screen: String, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count >= 48, "\(context): \(rows.count) rows:\n\(screen)", sourceLocation: sourceLocation)
        #expect(rows.first?.contains("Overview") == true && rows.first?.contains("Keys") == true, "\(context): tab bar gone:\n\(screen)", sourceLocation: sourceLocation)
        #expect(!screen.contains("\u{1b}") && !screen.contains("\u{07}"), "\(context): raw control bytes on screen", sourceLocation: sourceLocation)
        #expect(!screen.contains("\u{202E}") && !screen.contains("\u{200B}"), "\(context): invisible characters on screen", sourceLocation: sourceLocation)
    }

    @Test("escape sequences, OSC 52, title changes, invalid UTF-8, bidi, 1 MB values: escaped and contained")
    func hostileKeysAndValues() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        try Self.fill(port: server.port)
        let binary = try BuildProducts.executable(named: "cachescope")
        let session = try TmuxSession(
            command: "\(TmuxSession.shellQuote(binary)) redis://127.0.0.1:\(server.port); echo EXITED:$?; sleep 30",
            environment: ["XDG_CONFIG_HOME": NSTemporaryDirectory()])
        defer { session.kill() }
        // Let applications create tmux buffers with OSC 52, so a write that got through would show.
        try session.setServerOption("set-clipboard", "on")
        try await session.waitFor(text: "primary")
        let titleBefore = try session.display("#{pane_title}")
        #expect(!titleBefore.contains("pwned"))

        try session.sendKeys("2")
        try session.sendKeys("t")  // flat list: every key on its own row
        let list = try await session.waitFor(allOf: [
            "7 keys indexed", "hostile-clear\\x1b[2J", "hostile-title\\x1b]0;pwned\\a",
            "hostile-utf8\\xff\\xfe\\xc3(\\xed\\xa0\\x80", "hostile-rtl\\u{202e}gpj.exe",
        ])
        Self.expectIntact(list, "key list")

        let clearValue = try await Self.open(session, "hostile-clear", expecting: "v\\x1b]52;c;SGVsbG8=\\a")
        Self.expectIntact(clearValue, "OSC 52 value")
        try await Self.close(session)

        let utf8Value = try await Self.open(session, "hostile-utf8", expecting: "ff fe c3 28 ed a0 80 74  61 69 6c")
        Self.expectIntact(utf8Value, "invalid UTF-8 value")
        try await Self.close(session)

        let rtlValue = try await Self.open(session, "hostile-rtl", expecting: "zero\\u{200b}width\\u{200d}joiner\\u{2066}")
        Self.expectIntact(rtlValue, "zero-width value")
        try await Self.close(session)

        let hash = try await Self.open(session, "hostile-hash", expecting: "f\\x1b[2J")
        #expect(hash.contains("\\x1b]0;pwned\\a"), "\(hash)")
        Self.expectIntact(hash, "hash fields")
        try await Self.close(session)

        let zset = try await Self.open(session, "hostile-zset", expecting: "m\\x1b]52;c;SGVsbG8=\\a")
        #expect(zset.contains("\\u{202e}evil"), "\(zset)")
        Self.expectIntact(zset, "zset members")
        try await Self.close(session)

        let started = ContinuousClock.now
        let big = try await Self.open(session, "hostile-big", expecting: "AAAAAAAAAAAAAAAA")
        Self.expectIntact(big, "1 MB value")
        try await Self.close(session)
        try await session.waitFor(text: "7 shown")
        #expect(ContinuousClock.now - started < .seconds(10))

        // The watched sorted set on the leaderboard.
        try session.sendText(":zset hostile-zset")
        try session.sendKeys("Enter")
        // Waiting for the rows themselves: they are the assertion (the header can be drawn first).
        let board = try await session.waitFor(allOf: ["3 members", "m\\x1b]52;c;SGVsbG8=\\a", "\\u{202e}evil"])
        Self.expectIntact(board, "leaderboard")

        #expect(try session.display("#{pane_title}") == titleBefore)
        #expect(try session.pasteBuffers().isEmpty, "an OSC 52 clipboard write reached tmux")
        try session.sendKeys("q")
        try await session.waitFor(text: "EXITED:0")
    }
}
