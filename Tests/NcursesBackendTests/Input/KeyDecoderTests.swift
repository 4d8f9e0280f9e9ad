import TerminalUI
import Testing

@testable import NcursesBackend

/// What `get_wch` returns, turned into keys and pastes: control bytes, escape sequences ncurses
/// leaves undecoded, bracketed paste, and the Escape key itself.
@Suite struct KeyDecoderTests {
    static let up: Int32 = 259
    static let enterCode: Int32 = 343
    static let f1: Int32 = 265

    /// A decoder with a small table of ncurses key codes.
    static func decoder() -> KeyDecoder {
        KeyDecoder(keyCodes: { [up: Key.up, enterCode: .enter, f1: .function(1)][$0] })
    }

    /// Feeds each Unicode scalar of `text` as a character and collects what it completes.
    static func feed(_ text: String, into decoder: inout KeyDecoder) -> [TerminalEvent] {
        text.unicodeScalars.flatMap { decoder.feed(.character($0.value)) }
    }

    static func keys(_ text: String) -> [TerminalEvent] { text.map { .key(.character($0)) } }

    @Test("printable characters, Unicode included, are keys")
    func printable() {
        var decoder = Self.decoder()
        #expect(Self.feed("aZ9 /é€😀", into: &decoder) == Self.keys("aZ9 /é€😀"))
        #expect(decoder.feed(.character(0xA0)) == [.key(.character("\u{A0}"))])
    }

    @Test(
        "CR and LF are Enter; TAB is Tab; DEL and BS are Backspace",
        arguments: [
            (UInt32(13), Key.enter), (10, .enter), (9, .tab), (127, .backspace), (8, .backspace),
        ])
    func namedControls(byte: UInt32, key: Key) {
        var decoder = Self.decoder()
        #expect(decoder.feed(.character(byte)) == [.key(key)])
    }

    @Test(
        "other control bytes are Ctrl chords",
        arguments: [
            (UInt32(1), Character("a")), (3, "c"), (4, "d"), (21, "u"), (26, "z"), (0, " "), (28, "\\"), (29, "]"), (30, "^"), (31, "_"),
        ])
    func controlChords(byte: UInt32, character: Character) {
        var decoder = Self.decoder()
        #expect(decoder.feed(.character(byte)) == [.key(.control(character))])
    }

    @Test("C1 controls and values that are not scalars are never keys", arguments: [UInt32(0x80), 0x9B, 0x9F, 0xD800, 0x110000])
    func dropped(value: UInt32) {
        var decoder = Self.decoder()
        #expect(decoder.feed(.character(value)) == [])
        #expect(decoder.flush() == [])
    }

    @Test("ncurses key codes map through the table; unknown codes are dropped")
    func keyCodes() {
        var decoder = Self.decoder()
        #expect(decoder.feed(.keyCode(Self.up)) == [.key(.up)])
        #expect(decoder.feed(.keyCode(Self.f1)) == [.key(.function(1))])
        #expect(decoder.feed(.keyCode(999)) == [])
    }

    @Test("a lone ESC is the Escape key once the input has gone quiet")
    func loneEscape() {
        var decoder = Self.decoder()
        #expect(decoder.feed(.character(27)) == [])
        #expect(decoder.flush() == [.key(.escape)])
        #expect(decoder.flush() == [])
    }

    @Test("ESC ESC is one Escape now and one pending")
    func doubleEscape() {
        var decoder = Self.decoder()
        #expect(Self.feed("\u{1b}\u{1b}", into: &decoder) == [.key(.escape)])
        #expect(decoder.flush() == [.key(.escape)])
    }

    @Test("ESC followed by a key (Alt-x, or an arrow) is Escape then that key")
    func escapeThenKey() {
        var decoder = Self.decoder()
        #expect(Self.feed("\u{1b}x", into: &decoder) == [.key(.escape), .key(.character("x"))])
        #expect(decoder.feed(.character(27)) == [])
        #expect(decoder.feed(.keyCode(Self.up)) == [.key(.escape), .key(.up)])
    }

    @Test("CSI sequences ncurses did not decode (focus reports and the like) are swallowed, not typed")
    func unknownCSISwallowed() {
        var decoder = Self.decoder()
        #expect(Self.feed("\u{1b}[I", into: &decoder) == [])
        #expect(Self.feed("\u{1b}[1;5P", into: &decoder) == [])
        #expect(Self.feed("q", into: &decoder) == Self.keys("q"))
        #expect(decoder.flush() == [])
    }

    @Test("a CSI cut short by quiet input was keys typed one after another")
    func halfCSIFlushed() {
        var decoder = Self.decoder()
        #expect(Self.feed("\u{1b}[1", into: &decoder) == [])
        #expect(decoder.flush() == [.key(.escape), .key(.character("[")), .key(.character("1"))])
    }

    @Test("a CSI broken by a control byte or a key code ends, and that input counts")
    func brokenCSI() {
        var decoder = Self.decoder()
        #expect(Self.feed("\u{1b}[\r", into: &decoder) == [.key(.enter)])
        #expect(Self.feed("\u{1b}[", into: &decoder) == [])
        #expect(decoder.feed(.keyCode(Self.up)) == [.key(.up)])
        #expect(Self.feed("k", into: &decoder) == Self.keys("k"))
    }

    @Test("a bracketed paste arrives whole, as one event, not as keys")
    func bracketedPaste() {
        var decoder = Self.decoder()
        #expect(Self.feed("\u{1b}[200~", into: &decoder) == [])
        #expect(decoder.isInPaste)
        #expect(Self.feed("q:sub news", into: &decoder) == [])
        #expect(decoder.flush() == [], "a paste stays open across reads")
        #expect(decoder.isInPaste)
        #expect(Self.feed("\u{1b}[201~", into: &decoder) == [.paste("q:sub news")])
        #expect(!decoder.isInPaste)
        #expect(Self.feed("j", into: &decoder) == Self.keys("j"))
    }

    @Test("pasted CR and the Enter key code become newlines; other key codes are dropped")
    func pastedNewlines() {
        var decoder = Self.decoder()
        _ = Self.feed("\u{1b}[200~a\rb", into: &decoder)
        _ = decoder.feed(.keyCode(Self.enterCode))
        _ = decoder.feed(.keyCode(Self.up))
        #expect(Self.feed("c\u{1b}[201~", into: &decoder) == [.paste("a\nb\nc")])
    }

    @Test("an ESC inside a paste that does not start the end marker is pasted text")
    func escapeInsidePaste() {
        var decoder = Self.decoder()
        _ = Self.feed("\u{1b}[200~a\u{1b}x\u{1b}[202~\u{1b}\u{1b}[201", into: &decoder)
        #expect(Self.feed("~", into: &decoder) == [.paste("a\u{1b}x\u{1b}[202~\u{1b}")])
    }
}
