import TerminalUI
import Testing

@testable import AppCore
@testable import Inspector

/// `e`, `p`, `d`, `u` on one key: the TTL prompt, the delete confirmation, and exactly which
/// change each answer sends to the mutation path (and that the others send none).
@Suite struct SingleKeyMutationTests {
    typealias K = KeyspaceFactory
    typealias M = MutationFactory

    /// The keys pane with `config` (a string) selected.
    static func onConfig() -> AppState {
        var state = K.keysPane()
        state.press("j")
        return state
    }

    @Test("e asks for a TTL for the selected key; the prompt takes every key")
    func expireOpensThePrompt() {
        var state = Self.onConfig()
        #expect(state.press("e") == [])
        #expect(state.mutationDialog == .ttlPrompt(target: .key(K.bytes("config")), input: InputLineState(), error: nil))
        #expect(state.inputFocus == .overlay(state.overlay!))
        // q and d are text here, not quit or delete.
        #expect(state.type("qd") == [])
        #expect(state.ttlPrompt?.text == "qd")
    }

    @Test("a TTL that is not one is refused: the prompt stays with the text and why, nothing is sent")
    func invalidTTLKeepsThePrompt() {
        var state = Self.onConfig()
        state.press("e")
        state.type("abc")
        let effects = state.press(.enter)
        #expect(effects == [])
        #expect(!AppState.mutates(effects))
        #expect(state.ttlPrompt?.text == "abc")
        #expect(state.ttlPrompt?.error == #"invalid TTL "abc": unexpected "a" (use e.g. 90, 30s, 5m, 1h, 2d)"#)
        // Editing clears the error; a valid TTL then goes through.
        for _ in 0..<3 { state.press(.backspace) }
        #expect(state.ttlPrompt?.error == nil)
        state.type("5m")
        #expect(state.press(.enter) == [.mutate(node: 0, .expire(key: K.bytes("config"), seconds: 300))])
        #expect(state.overlay == nil)
    }

    @Test(
        "TTLs as operators type them become seconds",
        arguments: [
            ("90", 90), ("30s", 30), ("5m", 300), ("1h", 3600), ("2d", 172_800), ("1h30m", 5400),
        ] as [(String, Int64)])
    func validTTLs(text: String, seconds: Int64) {
        var state = Self.onConfig()
        state.press("e")
        state.type(text)
        #expect(state.press(.enter) == [.mutate(node: 0, .expire(key: K.bytes("config"), seconds: seconds))])
    }

    @Test("empty, zero, negative and ambiguous TTLs are refused without a change", arguments: ["", "0", "-5", "1h30", "5x"])
    func refusedTTLs(text: String) {
        var state = Self.onConfig()
        state.press("e")
        state.type(text)
        #expect(state.press(.enter) == [])
        #expect(state.ttlPrompt?.error?.hasPrefix("invalid TTL") == true)
    }

    @Test("Esc leaves the TTL prompt without a change")
    func escapeCancelsThePrompt() {
        var state = Self.onConfig()
        state.press("e")
        state.type("90")
        #expect(state.press(.escape) == [])
        #expect(state.overlay == nil)
    }

    @Test("e, p and d on a folder ask for a key first", arguments: ["e", "p", "d"] as [Character])
    func noKeySelected(key: Character) {
        var state = K.keysPane()
        state.press("G")
        #expect(state.press(key) == [])
        #expect(state.overlay == nil)
        #expect(state.status?.text == "select a key first")
        #expect(state.status?.kind == .warning)
    }

    @Test("p persists the selected key at once (it only removes a TTL)")
    func persist() {
        var state = Self.onConfig()
        #expect(state.press("p") == [.mutate(node: 0, .persist(key: K.bytes("config")))])
        #expect(state.overlay == nil)
    }

    @Test("u asks the mutation path to undo the last delete")
    func undo() {
        var state = Self.onConfig()
        #expect(state.press("u") == [.mutate(node: 0, .undo)])
    }

    @Test("d first asks what deleting would do; the plan opens the y/n confirmation")
    func deleteAsksFirst() {
        var state = Self.onConfig()
        #expect(state.press("d") == [.mutate(node: 0, .prepareDelete(keys: [K.bytes("config")]))])
        #expect(state.mutationDialog == .working("checking config…"))
        let plan = M.deletePlan(["config"])
        #expect(state.send(.mutationFinished(.deletePlanned(plan))) == [])
        #expect(state.mutationDialog == .confirmDelete(plan))
    }

    @Test("y (or Y) in the confirmation sends the delete of exactly the planned keys", arguments: ["y", "Y"] as [Character])
    func yesDeletes(key: Character) {
        var state = Self.onConfig()
        state.press("d")
        let plan = M.deletePlan(["config"])
        state.send(.mutationFinished(.deletePlanned(plan)))
        #expect(state.press(key) == [.mutate(node: 0, .delete(plan))])
        #expect(state.overlay == nil)
    }

    @Test(
        "n, N, Esc and q in the confirmation send nothing and say so",
        arguments: [
            .character("n"), .character("N"), .escape, .character("q"),
        ] as [Key])
    func noKeepsTheKey(key: Key) {
        var state = Self.onConfig()
        state.press("d")
        state.send(.mutationFinished(.deletePlanned(M.deletePlan(["config"]))))
        #expect(state.press(key) == [])
        #expect(state.overlay == nil)
        #expect(state.status?.text == "nothing deleted")
    }

    @Test("Enter and other keys do not answer the confirmation", arguments: [.enter, .character("d"), .character(" ")] as [Key])
    func otherKeysIgnoredInConfirmation(key: Key) {
        var state = Self.onConfig()
        state.press("d")
        let plan = M.deletePlan(["config"])
        state.send(.mutationFinished(.deletePlanned(plan)))
        #expect(state.press(key) == [])
        #expect(state.mutationDialog == .confirmDelete(plan))
    }

    @Test("Esc hides the working dialog; other keys wait for the answer")
    func workingDialog() {
        var state = Self.onConfig()
        state.press("d")
        #expect(state.press("q") == [])
        #expect(state.mutationDialog == .working("checking config…"))
        #expect(state.press(.escape) == [])
        #expect(state.overlay == nil)
    }

    @Test("with a value open, e, p and d are for the open key")
    func changesFromTheOpenValue() {
        var state = K.keysPane()
        state.press("j")
        state.press("j")
        state.press(.enter)
        state.press("j")
        state.press(.enter)
        #expect(state.keys.opened?.key == K.bytes("session:a"))
        #expect(state.press("p") == [.mutate(node: 0, .persist(key: K.bytes("session:a")))])
        #expect(state.press("d") == [.mutate(node: 0, .prepareDelete(keys: [K.bytes("session:a")]))])
        state.press(.escape)
        state.press("e")
        #expect(state.ttlPrompt?.target == .key(K.bytes("session:a")))
    }
}
