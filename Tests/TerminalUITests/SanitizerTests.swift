import Testing

@testable import TerminalUI

@Suite("Sanitizer")
struct SanitizerTests {
    private func shown(_ bytes: [UInt8]) -> String { Sanitizer.display(bytes) }

    @Test func plainASCIIIsUnchanged() {
        #expect(Sanitizer.display("user:1001:profile") == "user:1001:profile")
        #expect(shown(Array("cache:product:42 \"quoted\"".utf8)) == "cache:product:42 \"quoted\"")
    }

    @Test func clearScreenSequenceIsVisible() {
        #expect(Sanitizer.display("\u{1b}[2J\u{1b}[H") == "\\x1b[2J\\x1b[H")
    }

    @Test func osc52ClipboardWriteIsVisible() {
        let hostile = "\u{1b}]52;c;ZWNobyBoYWNrZWQ=\u{07}"
        let result = Sanitizer.display(hostile)
        #expect(result == "\\x1b]52;c;ZWNobyBoYWNrZWQ=\\a")
        #expect(!result.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    @Test func titleChangeIsVisible() {
        #expect(Sanitizer.display("\u{1b}]0;owned\u{07}key") == "\\x1b]0;owned\\akey")
    }

    @Test func whitespaceControlsUseShortEscapes() {
        #expect(Sanitizer.display("a\nb\rc\td\u{08}") == "a\\nb\\rc\\td\\b")
        #expect(Sanitizer.display("\u{0}\u{7f}") == "\\x00\\x7f")
    }

    @Test func backslashIsDoubled() {
        #expect(Sanitizer.display("C:\\temp") == "C:\\\\temp")
        #expect(Sanitizer.display("\\x1b") == "\\\\x1b")  // a literal backslash-x can't pose as an escape
    }

    @Test func invalidUTF8BytesAreHexEscaped() {
        #expect(shown([0x61, 0xFF, 0x62]) == "a\\xffb")
        #expect(shown([0xC3]) == "\\xc3")  // truncated sequence
        #expect(shown([0xC0, 0xAF]) == "\\xc0\\xaf")  // overlong
        #expect(shown([0xED, 0xA0, 0x80]) == "\\xed\\xa0\\x80")  // surrogate
        #expect(shown([0xF4, 0x90, 0x80, 0x80]) == "\\xf4\\x90\\x80\\x80")  // beyond U+10FFFF
        #expect(shown([0x9B, 0x32, 0x4A]) == "\\x9b2J")  // a raw 8-bit CSI
    }

    @Test func validUTF8IsKept() {
        #expect(shown(Array("café 東京 🚀".utf8)) == "café 東京 🚀")
        #expect(Sanitizer.display("e\u{301}") == "e\u{301}")  // combining mark stays with its base
    }

    @Test func c1ControlsAreEscaped() {
        #expect(Sanitizer.display("a\u{9b}2Jb") == "a\\u{9b}2Jb")
        #expect(Sanitizer.display("\u{85}\u{9d}") == "\\u{85}\\u{9d}")
    }

    @Test func bidiOverridesAreEscaped() {
        // "invoice_\u{202E}fdp.exe" would show as "invoice_exe.pdf".
        #expect(Sanitizer.display("invoice_\u{202E}fdp.exe") == "invoice_\\u{202e}fdp.exe")
        #expect(Sanitizer.display("\u{2066}x\u{2069}\u{200F}") == "\\u{2066}x\\u{2069}\\u{200f}")
    }

    @Test func zeroWidthCharactersAreEscaped() {
        #expect(Sanitizer.display("ad\u{200B}min") == "ad\\u{200b}min")
        #expect(Sanitizer.display("\u{FEFF}key\u{2060}\u{2028}") == "\\u{feff}key\\u{2060}\\u{2028}")
        #expect(Sanitizer.display("tag\u{E0041}") == "tag\\u{e0041}")
    }

    @Test func resultNeverContainsControlsOrInvisibles() {
        var bytes: [UInt8] = []
        for b in 0...255 { bytes.append(UInt8(b)) }
        let result = Sanitizer.display(bytes)
        for scalar in result.unicodeScalars {
            #expect(scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value))
            #expect(!Sanitizer.needsEscape(scalar.value))
        }
    }

    @Test func nonContiguousCollectionsWork() {
        let bytes: [UInt8] = [0x6B, 0x1B, 0x79]
        #expect(Sanitizer.display(bytes.lazy.map { $0 }) == "k\\x1by")
    }

    @Test func hexDumpLooksLikeHexdumpC() {
        let lines = Sanitizer.hex(Array("hello world\n".utf8) + [0x00, 0xFF, 0x1B, 0x41, 0x42])
        #expect(
            lines == [
                "00000000  68 65 6c 6c 6f 20 77 6f  72 6c 64 0a 00 ff 1b 41  |hello world....A|",
                "00000010  42                                                |B|",
            ])
        #expect(Sanitizer.hex([UInt8]()) == [])
        #expect(Sanitizer.hex([0x41], startOffset: 0x100) == ["00000100  41                                                |A|"])
    }
}
