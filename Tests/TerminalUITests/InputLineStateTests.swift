import TerminalUI
import Testing

@Suite("Input line")
struct InputLineStateTests {
    private func typed(_ text: String) -> InputLineState {
        var s = InputLineState()
        for c in text { _ = s.handle(.character(c)) }
        return s
    }

    @Test func insertsAtTheCursor() {
        var s = typed("zst")
        _ = s.handle(.left)
        _ = s.handle(.left)
        let r1 = s.handle(.character("e"))
        #expect(r1 == .edited)
        #expect(s.text == "zest" && s.cursor == 2)
    }

    @Test func backspaceAndDelete() {
        var s = typed("abc")
        _ = s.handle(.backspace)
        #expect(s.text == "ab")
        _ = s.handle(.home)
        _ = s.handle(.delete)
        #expect(s.text == "b" && s.cursor == 0)
        let back = s.handle(.backspace)
        #expect(back == .moved)  // nothing before the cursor
    }

    @Test func homeEndAndControlKeys() {
        var s = typed("psub news.*")
        _ = s.handle(.control("a"))
        #expect(s.cursor == 0)
        _ = s.handle(.control("e"))
        #expect(s.cursor == 11)
        _ = s.handle(.control("w"))
        #expect(s.text == "psub ")
        _ = s.handle(.control("u"))
        #expect(s.text == "" && s.cursor == 0)
    }

    @Test func controlWSkipsTrailingSpaces() {
        var s = typed("sub one two  ")
        _ = s.handle(.control("w"))
        #expect(s.text == "sub one ")
    }

    @Test func controlUKeepsTextAfterCursor() {
        var s = typed("hello world")
        for _ in 0..<5 { _ = s.handle(.left) }
        _ = s.handle(.control("u"))
        #expect(s.text == "world" && s.cursor == 0)
    }

    @Test func submitAndHistory() {
        var s = InputLineState()
        for command in ["node 1", "zset leaderboard", "node 1"] {
            s.text = command
            let r2 = s.handle(.enter)
            #expect(r2 == .submitted(command))
        }
        #expect(s.history == ["node 1", "zset leaderboard", "node 1"])
        s.text = "dra"
        _ = s.handle(.up)
        #expect(s.text == "node 1")
        _ = s.handle(.up)
        #expect(s.text == "zset leaderboard")
        _ = s.handle(.down)
        _ = s.handle(.down)
        #expect(s.text == "dra")  // the draft comes back
        let r3 = s.handle(.down)
        #expect(r3 == .moved)
    }

    @Test func emptyAndRepeatedLinesStayOutOfHistory() {
        var s = InputLineState()
        _ = s.handle(.enter)
        s.text = "x"
        _ = s.handle(.enter)
        s.text = "x"
        _ = s.handle(.enter)
        #expect(s.history == ["x"])
    }

    @Test func completionWithCandidates() {
        let commands = ["node", "zset", "sub", "psub", "theme", "dump"]
        var s = typed("zs")
        let completed = s.handle(.tab) { text in commands.filter { $0.hasPrefix(text) } }
        #expect(completed == .edited)
        #expect(s.text == "zset ")
        var t = typed("theme ")
        let themes = ["light", "default", "high-contrast", "hidden"]
        _ = t.handle(.character("h"))
        _ = t.handle(.tab) { _ in themes }
        #expect(t.text == "theme hi" && t.candidates == ["high-contrast", "hidden"])
        _ = t.handle(.character("g"))
        _ = t.handle(.tab) { _ in themes }
        #expect(t.text == "theme high-contrast ")
        let ignored = t.handle(.tab)
        #expect(ignored == .ignored)  // no completion given
    }

    @Test func cancelAndPaste() {
        var s = typed("abc")
        let r4 = s.handle(.escape)
        #expect(r4 == .cancelled)
        let r5 = s.handle(.control("c"))
        #expect(r5 == .cancelled)
        s.insert("x\ny\u{1b}[2J")
        #expect(s.text == "abcxy[2J")
    }
}
