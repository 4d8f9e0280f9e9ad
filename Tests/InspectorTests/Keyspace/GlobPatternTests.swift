import Testing

@testable import Inspector

@Suite struct GlobPatternTests {
    private func m(_ pattern: String, _ key: String) -> Bool { GlobPattern(pattern).matches(Array(key.utf8)) }

    @Test func starsAndQuestionMarks() {
        #expect(m("*", ""))
        #expect(m("*", "anything"))
        #expect(m("user:*", "user:42"))
        #expect(!m("user:*", "session:1"))
        #expect(m("user:*:profile", "user:42:profile"))
        #expect(!m("user:*:profile", "user:42:cart"))
        #expect(m("h?llo", "hello"))
        #expect(!m("h?llo", "hllo"))
        #expect(m("*a*b*c*", "xxaxxbxxcxx"))
        #expect(!m("*a*b*c", "xxaxxbxxcxx"))
        #expect(m("**x", "abx"))
        #expect(!m("", "a"))
        #expect(m("", ""))
    }

    @Test func classesRangesAndNegation() {
        #expect(m("h[ae]llo", "hallo"))
        #expect(m("h[ae]llo", "hello"))
        #expect(!m("h[ae]llo", "hillo"))
        #expect(m("h[^e]llo", "hallo"))
        #expect(!m("h[^e]llo", "hello"))
        #expect(m("h[a-b]llo", "hbllo"))
        #expect(!m("h[a-b]llo", "hcllo"))
        #expect(m("h[z-a]llo", "hmllo"), "reversed ranges are swapped, like Redis")
        #expect(m("x[\\]]y", "x]y"))
        #expect(m("x[abc", "xc"), "an unterminated class ends at the end of the pattern")
    }

    @Test func escapes() {
        #expect(m("a\\*b", "a*b"))
        #expect(!m("a\\*b", "axb"))
        #expect(m("a\\?", "a?"))
        #expect(m("\\[x\\]", "[x]"))
        #expect(m("end\\", "end\\"), "a trailing backslash is literal")
    }

    @Test func binaryBytes() {
        let key: [UInt8] = [0xFF, 0x00, 0x1B]
        #expect(GlobPattern([0xFF, UInt8(ascii: "*")]).matches(key))
        #expect(GlobPattern("??" + "?").matches(key))
        #expect(!GlobPattern("?").matches(key))
    }

    @Test func literalPrefixAndMatchAll() {
        #expect(GlobPattern("user:*:x").literalPrefix == Array("user:".utf8))
        #expect(GlobPattern("a\\*b*").literalPrefix == Array("a*b".utf8))
        #expect(GlobPattern("**").matchesEverything)
        #expect(!GlobPattern("a*").matchesEverything)
    }

    @Test func backtrackingStaysLinearish() {
        let key = [UInt8](repeating: UInt8(ascii: "a"), count: 5000)
        #expect(!GlobPattern("*a*a*a*a*a*b").matches(key))
    }
}
