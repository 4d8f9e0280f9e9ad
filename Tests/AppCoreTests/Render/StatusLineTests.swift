import TerminalUI
// The status line: text from a server in it is escaped exactly once.
import Testing

@testable import AppCore

@Suite struct StatusLineTests {
    @Test func memberInTheStatusLineIsEscapedOnce() {
        var state = LeaderboardViewTests.watching()
        let member = Array("dave\u{1b}]0;x\u{07}".utf8)
        _ = AppUpdate.update(&state, .memberRankFound(key: LeaderboardViewTests.key, member: member, result: .success(5000)))
        #expect(state.status?.text == "dave\\x1b]0;x\\a is rank 5000 (only the first 38 are shown)")
        let screen = AppView.render(state).text
        #expect(screen.contains("dave\\x1b]0;x\\a is rank 5000"))
        #expect(!screen.contains("\\\\x1b"))
    }
}
