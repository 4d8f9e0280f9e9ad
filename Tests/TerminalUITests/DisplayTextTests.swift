import TerminalUI
// DisplayText and ServerBytes: what is escaped, what is kept, and what reaches a buffer.
import Testing

@Suite("Display text")
struct DisplayTextTests {
    /// An OSC title change, a bell, a clear screen and a right-to-left override.
    static let hostile = "dave\u{1b}]0;x\u{07}\u{1b}[2J\u{202e}"
    static let escaped = "dave\\x1b]0;x\\a\\x1b[2J\\u{202e}"

    /// No cell holds a control character, an escape or a bidi control.
    static func isClean(_ buffer: Buffer) -> Bool {
        !buffer.cells.contains { cell in
            cell.symbol.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E }
        }
    }

    @Test func interpolatedValuesAreEscapedOnce() {
        let text: DisplayText = "member \(Self.hostile) moved \(3) places"
        #expect(text.description == "member \(Self.escaped) moved 3 places")
    }

    @Test func displayTextInterpolatedAgainIsKept() {
        let once: DisplayText = "\(Self.hostile)"
        let twice: DisplayText = "[\(once)]"
        #expect(twice.description == "[\(Self.escaped)]")
        let backslash: DisplayText = "\("a\\b")"
        #expect(backslash.description == "a\\\\b")
        #expect(("<\(backslash)>" as DisplayText).description == "<a\\\\b>")
    }

    @Test func literalsAreKept() {
        let literal: DisplayText = "C:\\cache … 東京"
        #expect(literal.description == "C:\\cache … 東京")
        #expect(literal == "C:\\cache … 東京")
        #expect(Line("no keys match").plainText == "no keys match")
    }

    @Test func sanitizingAStringEscapesIt() {
        #expect(DisplayText(sanitizing: Self.hostile).description == Self.escaped)
        #expect(DisplayText(sanitizing: "user:1001:profile").description == "user:1001:profile")
    }

    @Test func serverBytesReachABufferOnlyEscaped() {
        let key: [UInt8] = Array("evil".utf8) + [0x1B, 0x5B, 0x32, 0x4A, 0xFF, 0x0A] + Array("end".utf8)
        var buffer = Buffer(width: 40, height: 2)
        buffer.setString(0, 0, DisplayText(ServerBytes(key)))
        Line([Span("key "), Span("\(ServerBytes(key[4...]))")]).render(in: buffer.area.row(1), buffer: &buffer)
        #expect(buffer.textLines()[0].hasPrefix("evil\\x1b[2J\\xff\\nend"))
        #expect(buffer.textLines()[1].hasPrefix("key \\x1b[2J\\xff\\nend"))
        #expect(Self.isClean(buffer))
    }

    @Test func aStringWithARawEscapeCannotBeStoredRaw() {
        // `setString`, `Span`, `Line` and `Cell` take only `DisplayText`, so a `String` gets
        // there through the sanitiser; even a literal's control characters take no cell.
        var buffer = Buffer(width: 40, height: 3)
        buffer.setString(0, 0, DisplayText(sanitizing: "a\u{1b}[2Jb"))
        buffer.setString(0, 1, "a\u{1b}[2Jb\u{202e}")
        Paragraph([Line("\("x\u{1b}]52;c;SGVsbG8=\u{07}")")]).render(in: buffer.area.row(2), buffer: &buffer)
        #expect(buffer.textLines()[0].hasPrefix("a\\x1b[2Jb"))
        #expect(buffer.textLines()[1].hasPrefix("a[2Jb "))
        #expect(buffer.textLines()[2].hasPrefix("x\\x1b]52;c;SGVsbG8=\\a"))
        #expect(Self.isClean(buffer))
    }

    @Test func hexDumpShowsServerBytes() {
        let lines = ServerBytes([0x68, 0x69, 0x1B, 0xFF]).hexDump(startOffset: 16)
        #expect(lines == ["00000010  68 69 1b ff                                       |hi..|"])
    }

    @Test func composingKeepsTextSafe() {
        let names: [DisplayText] = ["a", "\("b\u{1b}")", "c"]
        #expect(names.joined(separator: ", ") == "a, b\\x1b, c")
        #expect(DisplayText(repeating: "─", count: 3) == "───")
        #expect(DisplayText(sanitizing: "user:1001:session").truncated(to: 8) == "user:10…")
        var text: DisplayText = "12 keys"
        text.append(" · \("x\u{07}")")
        #expect(text == "12 keys · x\\a")
        #expect(text.contains("keys · x"))
        #expect(text.width == 13)
    }

    @Test func inputLineEscapesControlsButShowsABackslashAsTyped() {
        var state = InputLineState(text: "user\\*")
        state.text += "\u{202e}"
        var buffer = Buffer(width: 30, height: 1)
        InputLine(prompt: "/").render(in: buffer.area, buffer: &buffer, state: &state)
        #expect(buffer.textLines()[0].hasPrefix("/user\\*\\u{202e} "))
        #expect(Self.isClean(buffer))
    }
}
