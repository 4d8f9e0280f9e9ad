import TerminalUI
import Testing

@testable import AppCore
@testable import Inspector

/// `--read-only`: the dangerous bindings are gone, so their keys reach no change; the help does
/// not offer them. (The mutation path refuses below the UI as well; that is Inspector's test.)
@Suite struct ReadOnlyMutationTests {
    typealias K = KeyspaceFactory

    /// A keys pane filtered to `*session*` (so D and E would have something to act on),
    /// `session:` open and `session:a` selected.
    static func pane(readOnly: Bool = true) -> AppState {
        var state = K.keysPane(readOnly: readOnly)
        state.press("/")
        state.type("session")
        state.press(.enter)
        state.press(.enter)
        state.press("j")
        return state
    }

    @Test("e, p, d, D, E, u on a selected key do nothing at all", arguments: ["e", "p", "d", "D", "E", "u"] as [Character])
    func dangerousKeysDoNothing(key: Character) {
        var state = Self.pane()
        #expect(state.keys.table.selected == 1)
        let effects = state.press(key)
        #expect(effects == [])
        #expect(!AppState.mutates(effects))
        #expect(state.overlay == nil)
        // The same key with read-only off does act: the test above is not vacuous.
        var writable = Self.pane(readOnly: false)
        #expect(writable.press(key) != [] || writable.overlay != nil)
    }

    @Test("with the value open, the dangerous keys still do nothing", arguments: ["e", "p", "d", "u"] as [Character])
    func dangerousKeysInTheValueView(key: Character) {
        var state = Self.pane()
        #expect(state.press(.enter) == [.openKey(node: 0, key: K.bytes("session:a"), type: .string)])
        #expect(state.press(key) == [])
        #expect(state.overlay == nil)
        #expect(state.keys.opened != nil)
    }

    @Test("the keymap has no dangerous binding; the keys pane's help lists the others only")
    func helpOmitsDangerousBindings() {
        var state = Self.pane()
        #expect(state.keymap.bindings.allSatisfy { !$0.isDangerous })
        state.press("?")
        let help = AppView.render(state).text
        #expect(help.contains("rescan"))
        #expect(help.contains("tree/list"))
        #expect(!help.contains("delete"))
        #expect(!help.contains("persist"))
        var writable = K.keysPane()
        writable.press("?")
        #expect(AppView.render(writable).text.contains("persist"))
    }

    @Test("safe keys still work: filter, tree/list, sort, rescan, watch")
    func safeKeysStillWork() {
        var state = Self.pane()
        #expect(state.press("r") == [.startScan(node: 0, filter: KeyFilter(pattern: GlobPattern("*session*")))])
        state.press("t")
        #expect(state.keys.mode == .flat)
        state.press("s")
        #expect(state.keys.sort == .memory)
    }
}
