import TerminalUI
import Testing

@testable import AppCore
@testable import Inspector

/// The Doctor mode of the keys pane: runs, reports, reruns on a complete index, its own keys,
/// fixes through the mutation flow (refused in read-only), and which other keys get through.
@Suite struct DoctorUpdateTests {
    typealias K = KeyspaceFactory

    static let lock = K.bytes("job:42:lock")

    /// Three warnings, in the order the report sorts them: a missing TTL (fix: add one), secrets
    /// (no fix), a stale lock (fix: delete it).
    static func report(complete: Bool = true) -> DoctorReport {
        DoctorReport(
            node: "127.0.0.1:7001",
            findings: [
                DoctorFinding(
                    .staleLock(FindingFacts.StaleLock(key: lock, type: .string, ttl: .none, idleSeconds: nil, reasons: [.noTTL])),
                    severity: .warning, keyCount: 1, exampleKeys: [lock], fix: .deleteKey(lock)),
                DoctorFinding(
                    .missingTTL(
                        FindingFacts.MissingTTL(
                            prefixKeys: 40, expiringKeys: 0, prefixMemory: 4000, medianRemaining: 0, p90Remaining: 0,
                            suggestedTTL: 3600, suggestedJitter: 0.1)),
                    severity: .warning, prefix: K.bytes("user:"), keyCount: 40, fix: .addTTL(pattern: GlobPattern("user:*"), seconds: 3600, jitter: 0.1)),
                DoctorFinding(.secrets(FindingFacts.Secrets(sampledKeys: 20, sources: [.hashFields])), severity: .warning, prefix: K.bytes("account:"), keyCount: 20),
            ], indexedKeys: complete ? 7 : 3, expectedKeys: 7, complete: complete)
    }

    /// The keys pane in Doctor mode with ``report(complete:)`` shown.
    static func open(readOnly: Bool = false, complete: Bool = true) -> AppState {
        var state = K.keysPane(readOnly: readOnly)
        state.press("H")
        state.send(.doctorFinished(node: 0, result: .success(report(complete: complete))))
        return state
    }

    static func finished(_ phase: ScanProgress.Phase = .finished) -> AppMessage {
        .keyspaceUpdated(node: 0, update: K.update(phase: phase))
    }

    @Test("H opens the Doctor over the keys pane and runs it on the node's index")
    func openRuns() {
        var state = K.keysPane()
        #expect(state.press("H") == [.runDoctor(node: 0)])
        #expect(state.keys.doctor.isOpen)
        #expect(state.keys.doctor.running)
        #expect(state.keys.doctor.node == 0)
        #expect(state.inputFocus == .doctor)
    }

    @Test("the report arrives: findings in severity then kind order, first selected, run over")
    func reportArrives() {
        let state = Self.open()
        #expect(!state.keys.doctor.running)
        #expect(state.keys.doctor.report?.findings.map(\.kind) == [.missingTTL, .secrets, .staleLock])
        #expect(state.keys.doctor.selectedFinding?.kind == .missingTTL)
        #expect(!state.keys.doctor.rerunWhenIndexed)
    }

    @Test("a report for another node is ignored; a failure keeps the last report and says why")
    func foreignReportAndFailure() {
        var state = K.keysPane()
        state.press("H")
        state.send(.doctorFinished(node: 1, result: .success(Self.report())))
        #expect(state.keys.doctor.report == nil)
        #expect(state.keys.doctor.running)
        state.send(.doctorFinished(node: 0, result: .success(Self.report())))
        state.press("r")
        state.send(.doctorFinished(node: 0, result: .failure(LoadError("LOADING Redis is loading the dataset in memory"))))
        #expect(!state.keys.doctor.running)
        #expect(state.keys.doctor.error == "LOADING Redis is loading the dataset in memory")
        #expect(state.keys.doctor.report?.findings.count == 3)
    }

    @Test("r runs again; h runs with the hot-key probe and says it takes a moment")
    func rerunAndProbe() {
        var state = Self.open()
        #expect(state.press("r") == [.runDoctor(node: 0)])
        #expect(state.keys.doctor.running)
        #expect(state.status == nil)
        #expect(state.press("h") == [.runDoctor(node: 0, probeHotKeys: true)])
        #expect(state.status?.text.description.hasPrefix("probing hot keys: ") == true)
    }

    @Test("a run for another node forgets the old node's report")
    func runOnAnotherNode() {
        let state = Self.open()
        var keys = state.keys
        keys.node = 1
        var context = state.paneContext
        #expect(DoctorUpdate.run(&keys, &context) == [.runDoctor(node: 1)])
        #expect(keys.doctor.report == nil)
        #expect(keys.doctor.node == 1)
    }

    @Test("j, k, g, G and pages move through the findings and stop at the ends")
    func navigation() {
        var state = Self.open()
        for _ in 0..<5 { state.press("j") }
        #expect(state.keys.doctor.list.selected == 2)
        state.press("k")
        #expect(state.keys.doctor.list.selected == 1)
        state.press("g")
        #expect(state.keys.doctor.list.selected == 0)
        state.press("G")
        #expect(state.keys.doctor.list.selected == 2)
        state.press(.pageUp)
        #expect(state.keys.doctor.list.selected == 0)
        state.press(.pageDown)
        #expect(state.keys.doctor.list.selected == 2)
    }

    @Test("a partial report runs again once the scan has finished, and only then")
    func rerunWhenIndexed() {
        var state = Self.open(complete: false)
        #expect(state.keys.doctor.rerunWhenIndexed)
        #expect(state.send(Self.finished(.scanning)) == [])
        #expect(state.send(Self.finished()) == [.runDoctor(node: 0)])
        #expect(!state.keys.doctor.rerunWhenIndexed)
        // In flight: the next finished scan does not start a second run.
        #expect(state.send(Self.finished()) == [])
    }

    @Test("a complete report, or a closed Doctor, is not rerun by the scan")
    func noRerun() {
        var complete = Self.open()
        #expect(complete.send(Self.finished()) == [])
        var closed = Self.open(complete: false)
        closed.press(.escape)
        #expect(closed.send(Self.finished()) == [])
    }

    @Test("f on a finding without an automatic fix says so and changes nothing")
    func fixWithoutFix() {
        var state = Self.open()
        state.press("j")
        #expect(state.press("f") == [])
        #expect(state.overlay == nil)
        #expect(state.status?.text.description == "this finding has no automatic fix; see its suggestion")
    }

    @Test("f on a stale lock goes through the delete confirmation; the deleted lock leaves the list")
    func fixDeletesTheLock() {
        var state = Self.open()
        state.press("G")
        #expect(state.press("f") == [.mutate(node: 0, .prepareDelete(keys: [Self.lock]))])
        #expect(state.mutationDialog == .working("checking job:42:lock…"))
        let plan = MutationFactory.deletePlan(["job:42:lock"])
        state.send(.mutationFinished(.deletePlanned(plan)))
        #expect(state.press("y") == [.mutate(node: 0, .delete(plan))])
        state.send(.mutationFinished(.deleted(DeleteOutcome(deleted: 1, undoable: 1, notUndoable: []), keys: [Self.lock])))
        #expect(state.keys.doctor.report?.findings.map(\.kind) == [.missingTTL, .secrets])
        #expect(state.keys.doctor.list.selected == 1)
    }

    @Test("in read-only mode f is refused for every fix, and nothing is sent", arguments: [0, 2])
    func readOnlyRefusesFix(row: Int) {
        var state = Self.open(readOnly: true)
        for _ in 0..<row { state.press("j") }
        #expect(state.keys.doctor.selectedFinding?.fix != nil)
        #expect(state.press("f") == [])
        #expect(state.overlay == nil)
        #expect(state.status?.text.description == "read-only: fixes are off")
    }

    @Test("a finished bulk fix marks the report for a rerun after the rescan it starts")
    func bulkFixRerunsAfterRescan() {
        var state = Self.open()
        state.send(.mutationFinished(.bulkFinished(MutationFactory.bulkResult("EXPIRE", changed: 40, undoable: 40))))
        #expect(state.keys.doctor.rerunWhenIndexed)
        #expect(state.send(Self.finished()) == [.runDoctor(node: 0)])
    }

    @Test("global keys work in the Doctor: panes, help, the command line, quit")
    func globalKeysPass() {
        var help = Self.open()
        help.press("?")
        #expect(help.overlay == .help(scroll: 0))
        var command = Self.open()
        command.press(":")
        #expect(command.overlay == .command(InputLineState()))
        var quit = Self.open()
        #expect(quit.press("q") == [.quit])
        var pane = Self.open()
        pane.press("3")
        #expect(pane.pane == .leaderboard)
        pane.press("2")
        #expect(pane.keys.doctor.isOpen, "coming back finds the Doctor still open")
    }

    @Test("the keys pane's own keys are swallowed under the Doctor", arguments: ["d", "e", "t", "s", "/", "l", "T", "D"] as [Character])
    func paneKeysSwallowed(key: Character) {
        var state = Self.open()
        #expect(state.press(key) == [])
        #expect(state.overlay == nil)
        #expect(state.pane == .keys)
        #expect(state.keys.mode == .tree)
        #expect(state.keys.sort == .name)
        #expect(state.keys.filterInput == nil)
        #expect(state.keys.typeFilter == nil)
    }

    @Test("Esc or H closes the Doctor; the tree's keys work again", arguments: [.escape, .character("H")] as [Key])
    func closes(key: Key) {
        var state = Self.open()
        #expect(state.press(key) == [])
        #expect(!state.keys.doctor.isOpen)
        #expect(state.inputFocus == .bindings)
        state.press("t")
        #expect(state.keys.mode == .flat)
    }
}
