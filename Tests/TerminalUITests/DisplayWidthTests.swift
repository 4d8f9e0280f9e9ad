import TerminalUI
import Testing

@Suite("Display width")
struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect(DisplayWidth.of("hello") == 5)
    }

    @Test func cjkIsTwoColumns() {
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ｆｕｌｌ") == 8)  // fullwidth forms
    }

    @Test func emojiAreTwoColumns() {
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("👩‍💻") == 2)  // ZWJ sequence
        #expect(DisplayWidth.of("🇫🇷") == 2)  // flag
        #expect(DisplayWidth.of("❤️") == 2)  // text symbol with emoji presentation
    }

    @Test func combiningMarksTakeNoColumn() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{300}\u{301}\u{302}") == 1)
        #expect(DisplayWidth.of("\u{200B}") == 0)
    }

    @Test func truncateRespectsWideCharacters() {
        #expect(DisplayWidth.truncate("東京タワー", to: 5) == "東京…")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
    }

    @Test func wideCharacterAtTheEdgeBecomesASpace() {
        var b = Buffer(width: 5, height: 1)
        b.setString(0, 0, "ab東京")
        #expect(b.textLines() == ["ab東 "])
    }
}
