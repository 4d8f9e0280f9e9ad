import Inspector
import TerminalUI

/// The Doctor view's side of `update`: opening it (runs the doctor on the node's index), moving
/// through findings, rerunning, and starting a finding's fix through the mutation flow (dry run,
/// typed confirmation, undo, audit log). In read-only mode fixes are refused here and below.
enum DoctorUpdate {
    /// `H` in Keys, or `:doctor`: show the view and run the doctor on what the index has.
    static func open(_ state: inout AppState) -> [AppEffect] {
        state.doctor.isOpen = true
        return run(&state)
    }

    static func run(_ state: inout AppState, probeHotKeys: Bool = false) -> [AppEffect] {
        let node = state.keys.node ?? state.currentNode
        if state.doctor.node != node { state.doctor.report = nil }
        state.doctor.node = node
        state.doctor.running = true
        state.doctor.error = nil
        if probeHotKeys { state.status = StatusMessage("probing hot keys: \(DoctorWording.probe(DoctorThresholds.default.recentUse))", now: state.now) }
        return [.runDoctor(node: node, probeHotKeys: probeHotKeys)]
    }

    /// A report (or failure) arrived.
    static func finished(_ node: Int, _ result: Result<DoctorReport, LoadError>, _ state: inout AppState) {
        guard node == state.doctor.node else { return }
        state.doctor.running = false
        switch result {
        case .success(let report):
            state.doctor.report = report
            state.doctor.error = nil
            state.doctor.rerunWhenIndexed = !report.complete
            let count = report.findings.count
            state.doctor.list.selected = count == 0 ? nil : min(state.doctor.list.selected ?? 0, count - 1)
        case .failure(let error):
            state.doctor.error = error.description
        }
    }

    /// The scan moved on: a partial report is redone once the index is complete.
    static func scanUpdated(_ node: Int, _ update: KeyspaceScanUpdate, _ state: inout AppState) -> [AppEffect] {
        guard state.doctor.isOpen, state.doctor.rerunWhenIndexed, !state.doctor.running, node == state.doctor.node,
              update.progress.phase == .finished else { return [] }
        state.doctor.rerunWhenIndexed = false
        return run(&state)
    }

    /// A fix went through: a deleted lock leaves the list at once; a bulk TTL change is
    /// re-diagnosed once the rescan it starts has finished.
    static func mutationFinished(_ result: MutationResult, _ state: inout AppState) {
        guard state.doctor.isOpen, var report = state.doctor.report else { return }
        switch result {
        case .bulkFinished:
            state.doctor.rerunWhenIndexed = true
        case .deleted(_, let keys):
            report.findings.removeAll { finding in
                if case .deleteKey(let key)? = finding.fix { return keys.contains(key) }
                return false
            }
            state.doctor.report = report
            let count = report.findings.count
            state.doctor.list.selected = count == 0 ? nil : min(state.doctor.list.selected ?? 0, count - 1)
        default:
            break
        }
    }

    /// Keys while the view is open; nil lets the global bindings (panes, help, `:`, quit) act.
    static func handleKey(_ key: Key, _ state: inout AppState) -> [AppEffect]? {
        let count = state.doctor.report?.findings.count ?? 0
        func select(_ index: Int) {
            state.doctor.list.selected = count == 0 ? nil : max(0, min(count - 1, index))
        }
        let current = state.doctor.list.selected ?? 0
        switch key {
        case .escape, .character("H"):
            state.doctor.isOpen = false
        case .character("j"), .down: select(current + 1)
        case .character("k"), .up: select(current - 1)
        case .character("g"), .home: select(0)
        case .character("G"), .end: select(count - 1)
        case .pageDown: select(current + max(1, state.height / 3))
        case .pageUp: select(current - max(1, state.height / 3))
        case .character("r"):
            return run(&state)
        case .character("h"):
            return run(&state, probeHotKeys: true)
        case .character("f"):
            return fix(&state)
        default:
            // Global actions only: the keys pane's own bindings would act on a tree not shown.
            guard let action = state.keymap.lookup(key, scope: state.scope).flatMap(AppAction.init(rawValue:)) else { return [] }
            switch action {
            case .quit, .help, .command, .nextPane, .previousPane, .paneOverview, .paneKeys, .paneLeaderboard, .panePubSub, .paneServer:
                return nil
            default:
                return []
            }
        }
        return []
    }

    /// `f`: the selected finding's fix, through the mutation flow.
    static func fix(_ state: inout AppState) -> [AppEffect] {
        guard let finding = state.doctor.selectedFinding, let fix = finding.fix else {
            state.status = StatusMessage("this finding has no automatic fix; see its suggestion", kind: .warning, now: state.now, lifetime: 4)
            return []
        }
        guard !state.readOnly else {
            state.status = StatusMessage("read-only: fixes are off", kind: .warning, now: state.now, lifetime: 4)
            return []
        }
        let node = state.doctor.node ?? state.currentNode
        switch fix {
        case .addTTL(let pattern, let seconds, let jitter):
            state.overlay = .mutation(.working("counting keys without TTL matching \(Sanitizer.display(pattern.source))…"))
            return [.mutate(node: node, .dryRunMissingTTL(pattern, seconds: seconds, jitter: jitter))]
        case .deleteKey(let key):
            state.overlay = .mutation(.working("checking \(Sanitizer.display(key))…"))
            return [.mutate(node: node, .prepareDelete(keys: [key]))]
        }
    }
}
