import Inspector
import TerminalUI
import Testing

@testable import AppCore

/// A filter opens the folders of its matches when they fit on the screen, and closes them again.
@Suite struct FilterFoldersTests {
    typealias K = KeyspaceFactory

    static func filter(_ state: inout AppState, _ text: String) {
        state.press("/")
        state.type(text)
        state.press(.enter)
    }

    @Test func fewMatchesOpenTheirFoldersAndTheFirstKeyIsSelected() {
        var state = K.keysPane()
        Self.filter(&state, "user:2")
        #expect(K.rowNames(state.keys) == ["user:", "2"])
        #expect(state.keys.table.selected == 1)
        #expect(state.status?.text.description.hasPrefix("1 key matches *user:2*") == true)
        #expect(AppView.render(state).text.contains("▾ user:"))
        // Esc clears the filter: the folder the filter opened closes again.
        state.press(.escape)
        #expect(K.rowNames(state.keys) == ["board", "config", "session:", "user:"])
    }

    @Test func moreMatchesThanFitStayClosedWithTheCount() {
        var state = K.keysPane().resized(80, 10)  // three rows of keys on screen
        Self.filter(&state, "user")
        #expect(K.rowNames(state.keys) == ["user:"])
        #expect(state.status?.text.description.hasPrefix("3 keys match *user*; open a folder with Enter") == true)
        state.press(.escape)
        Self.filter(&state, "session")
        #expect(K.rowNames(state.keys) == ["session:", "a", "b"])
    }

    @Test func aFolderOpenedByHandStaysOpen() {
        var state = K.keysPane()
        state.press("j")
        state.press("j")
        state.press(.enter)  // opens session:
        Self.filter(&state, "session:a")
        state.press(.escape)
        #expect(K.rowNames(state.keys) == ["board", "config", "session:", "a", "b", "user:"])
    }
}
