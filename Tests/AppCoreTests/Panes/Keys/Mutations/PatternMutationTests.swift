import TerminalUI
import Testing

@testable import AppCore
@testable import Inspector

/// `D` and `E`: a change to every key matching the filter. Counted first (a dry run), confirmed
/// by typing the target's name, running with progress, abortable with Esc.
@Suite struct PatternMutationTests {
    typealias K = KeyspaceFactory
    typealias M = MutationFactory

    /// The keys pane filtered to `*session*`.
    static func filtered() -> AppState {
        var state = K.keysPane()
        state.press("/")
        state.type("session")
        state.press(.enter)
        return state
    }

    /// `D` on the filter and the dry run's answer: the typed confirmation is up.
    static func confirming(_ plan: PatternPlan = M.patternPlan("*session*", count: 2)) -> AppState {
        var state = filtered()
        state.press("D")
        state.send(.mutationFinished(.patternPlanned(plan, purpose: .delete)))
        return state
    }

    @Test("D and E without a filter are refused: they would touch every key", arguments: ["D", "E"] as [Character])
    func refusedWithoutFilter(key: Character) {
        var state = K.keysPane()
        #expect(state.press(key) == [])
        #expect(state.overlay == nil)
        #expect(state.status?.text == "set a filter with / first: the change applies to every key matching it")
        #expect(state.status?.kind == .warning)
    }

    @Test("D with a filter counts the matching keys first; nothing changes yet")
    func deleteStartsWithADryRun() {
        var state = Self.filtered()
        #expect(state.press("D") == [.mutate(node: 0, .dryRun(pattern: "*session*", type: nil, purpose: .delete))])
        #expect(state.mutationDialog == .working("counting keys matching *session* on every node…"))
    }

    @Test("a type filter alone is enough: the pattern is every key of that type")
    func typeFilterAlone() {
        var state = K.keysPane()
        state.press("T")
        #expect(state.press("D") == [.mutate(node: 0, .dryRun(pattern: "*", type: .string, purpose: .delete))])
    }

    @Test("the dry run's count opens the typed confirmation; no keys matching closes the dialog")
    func planOpensTypedConfirmation() {
        let state = Self.confirming()
        #expect(state.typedConfirmation?.plan == M.patternPlan("*session*", count: 2))
        #expect(state.typedConfirmation?.typed == "")
        var none = Self.filtered()
        none.press("D")
        #expect(none.send(.mutationFinished(.patternPlanned(M.patternPlan("*session*", count: 0), purpose: .delete))) == [])
        #expect(none.overlay == nil)
        #expect(none.status?.text == "no keys match *session*")
    }

    @Test(
        "a wrong word keeps the dialog with what was typed, says what to type, and sends nothing",
        arguments: [
            "y", "yes", "127.0.0.1:7001", "127.0.0.1:7001/DB0", "127.0.0.1:7001/db0 ", "",
        ])
    func wrongWord(typed: String) {
        var state = Self.confirming()
        state.type(typed)
        let effects = state.press(.enter)
        #expect(effects == [])
        #expect(!AppState.mutates(effects))
        #expect(state.typedConfirmation?.typed == typed)
        #expect(state.status?.text == "type \(M.confirmationWord) exactly to confirm, Esc to cancel")
    }

    @Test("the exact word sends the delete of the planned keys and shows its progress")
    func exactWordDeletes() {
        var state = Self.confirming()
        let plan = M.patternPlan("*session*", count: 2)
        state.type(M.confirmationWord)
        #expect(state.press(.enter) == [.mutate(node: 0, .deleteMatching(plan))])
        #expect(state.mutationDialog == .bulkRunning(purpose: .delete, progress: nil, expected: 2))
    }

    @Test("after a wrong word, correcting it still confirms")
    func correctedWord() {
        var state = Self.confirming()
        state.type("127.0.0.1:7001")
        state.press(.enter)
        state.type("/db0")
        #expect(state.press(.enter) == [.mutate(node: 0, .deleteMatching(M.patternPlan("*session*", count: 2)))])
    }

    @Test("Esc in the typed confirmation changes nothing and says so")
    func escapeCancelsTypedConfirmation() {
        var state = Self.confirming()
        state.type("127.0")
        #expect(state.press(.escape) == [])
        #expect(state.overlay == nil)
        #expect(state.status?.text == "nothing changed")
    }

    @Test("E asks a TTL for the matching keys without one; a bad TTL is refused, a good one counts first")
    func expireMatching() {
        var state = Self.filtered()
        #expect(state.press("E") == [])
        #expect(state.ttlPrompt?.target == .pattern("*session*", nil))
        state.type("soon")
        #expect(state.press(.enter) == [])
        #expect(state.ttlPrompt?.error != nil)
        for _ in 0..<4 { state.press(.backspace) }
        state.type("1h")
        #expect(state.press(.enter) == [.mutate(node: 0, .dryRun(pattern: "*session*", type: nil, purpose: .expire(seconds: 3600, jitter: 0.1)))])
        #expect(state.mutationDialog == .working("counting keys matching *session*…"))
        let plan = M.patternPlan("*session*", count: 2)
        state.send(.mutationFinished(.patternPlanned(plan, purpose: .expire(seconds: 3600, jitter: 0.1))))
        state.type(M.confirmationWord)
        #expect(state.press(.enter) == [.mutate(node: 0, .expireMatching(plan, seconds: 3600, jitter: 0.1))])
        #expect(state.mutationDialog == .bulkRunning(purpose: .expire(seconds: 3600, jitter: 0.1), progress: nil, expected: 2))
    }

    @Test("Esc or Ctrl-C while a bulk change runs asks it to stop after its batch", arguments: [.escape, .control("c")] as [Key])
    func abortBulk(key: Key) {
        var state = Self.confirming()
        state.type(M.confirmationWord)
        state.press(.enter)
        #expect(state.press(key) == [.mutate(node: 0, .abortBulk)])
        #expect(state.status?.text == "aborting after the current batch…")
    }

    @Test("other keys while a bulk change runs do nothing, q included")
    func bulkRunningSwallowsKeys() {
        var state = Self.confirming()
        state.type(M.confirmationWord)
        state.press(.enter)
        #expect(state.type("qd1") == [])
        #expect(state.pane == .keys)
        #expect(state.mutationDialog == .bulkRunning(purpose: .delete, progress: nil, expected: 2))
    }

    @Test("progress fills the running dialog; the end closes it, says what was done and rescans")
    func progressAndFinish() {
        var state = Self.confirming()
        state.type(M.confirmationWord)
        state.press(.enter)
        let progress = BulkProgress(scanned: 1, changed: 1, skipped: 0, expected: 2, undoable: 1, notUndoable: 0, elapsed: 0.1)
        #expect(state.send(.mutationFinished(.bulkProgress(progress))) == [])
        #expect(state.mutationDialog == .bulkRunning(purpose: .delete, progress: progress, expected: 2))
        let effects = state.send(.mutationFinished(.bulkFinished(M.bulkResult(changed: 2, undoable: 2))))
        #expect(effects == [.startScan(node: 0, filter: KeyFilter(pattern: GlobPattern("*session*")))])
        #expect(state.overlay == nil)
        #expect(state.status?.text == "deleted 2 keys (all undoable) · u to undo")
        #expect(state.status?.kind == .success)
        // A late progress report does not bring the dialog back.
        state.send(.mutationFinished(.bulkProgress(progress)))
        #expect(state.overlay == nil)
    }

    @Test("an aborted bulk change is a warning that says the rest was untouched")
    func abortedFinish() {
        var state = Self.confirming()
        state.send(.mutationFinished(.bulkFinished(M.bulkResult(changed: 1, undoable: 0, notUndoable: 1, aborted: true))))
        #expect(state.status?.text == "aborted: deleted 1 keys, the rest untouched (1 cannot be undone)")
        #expect(state.status?.kind == .warning)
    }

    @Test("a bulk TTL change that skipped keys with a TTL says so, with no undo hint")
    func expireFinish() {
        var state = Self.filtered()
        state.send(.mutationFinished(.bulkFinished(M.bulkResult("EXPIRE", changed: 3, skipped: 2, undoable: 0))))
        #expect(state.status?.text == "set a TTL on 3 keys (2 already had a TTL, left alone)")
    }
}
