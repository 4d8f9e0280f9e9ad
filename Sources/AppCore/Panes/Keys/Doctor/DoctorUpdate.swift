import Inspector
import TerminalUI

/// The Doctor view's side of `update`: opening it (runs the doctor on the node's index), moving
/// through findings, rerunning, and starting a finding's fix through the mutation flow (dry run,
/// typed confirmation, undo, audit log). In read-only mode fixes are refused here and below.
enum DoctorUpdate {
    /// `H` in Keys, or `:doctor`: show the view and run the doctor on what the index has.
    static func open(_ keys: inout KeysState, _ context: inout PaneContext) -> [AppEffect] {
        keys.doctor.isOpen = true
        return run(&keys, &context)
    }

    static func run(_ keys: inout KeysState, _ context: inout PaneContext, probeHotKeys: Bool = false) -> [AppEffect] {
        let node = keys.node ?? context.currentNode
        if keys.doctor.node != node { keys.doctor.report = nil }
        keys.doctor.node = node
        keys.doctor.running = true
        keys.doctor.error = nil
        if probeHotKeys { context.status = StatusMessage("probing hot keys: \(DoctorWording.probe(DoctorThresholds.default.recentUse))", now: context.now) }
        return [.runDoctor(node: node, probeHotKeys: probeHotKeys)]
    }

    /// A report (or failure) arrived.
    static func finished(_ node: Int, _ result: Result<DoctorReport, LoadError>, _ keys: inout KeysState, _ context: inout PaneContext) {
        guard node == keys.doctor.node else { return }
        keys.doctor.running = false
        switch result {
        case .success(let report):
            keys.doctor.report = report
            keys.doctor.error = nil
            keys.doctor.rerunWhenIndexed = !report.complete
            let count = report.findings.count
            keys.doctor.list.selected = count == 0 ? nil : min(keys.doctor.list.selected ?? 0, count - 1)
        case .failure(let error):
            keys.doctor.error = error.description
        }
    }

    /// The scan moved on: a partial report is redone once the index is complete.
    static func scanUpdated(_ node: Int, _ update: KeyspaceScanUpdate, _ keys: inout KeysState, _ context: inout PaneContext) -> [AppEffect] {
        guard keys.doctor.isOpen, keys.doctor.rerunWhenIndexed, !keys.doctor.running, node == keys.doctor.node,
            update.progress.phase == .finished
        else { return [] }
        keys.doctor.rerunWhenIndexed = false
        return run(&keys, &context)
    }

    /// A fix went through: a deleted lock leaves the list at once; a bulk TTL change is
    /// re-diagnosed once the rescan it starts has finished.
    static func mutationFinished(_ result: MutationResult, _ keys: inout KeysState, _ context: inout PaneContext) {
        guard keys.doctor.isOpen, var report = keys.doctor.report else { return }
        switch result {
        case .bulkFinished:
            keys.doctor.rerunWhenIndexed = true
        case .deleted(_, let deleted):
            report.findings.removeAll { finding in
                if case .deleteKey(let key)? = finding.fix { return deleted.contains(key) }
                return false
            }
            keys.doctor.report = report
            let count = report.findings.count
            keys.doctor.list.selected = count == 0 ? nil : min(keys.doctor.list.selected ?? 0, count - 1)
        default:
            break
        }
    }

    /// Keys while the view is open; nil for a key the doctor does not handle (the app then lets
    /// only global bindings act: panes, help, `:`, quit).
    static func handleKey(_ key: Key, _ keys: inout KeysState, _ context: inout PaneContext) -> [AppEffect]? {
        let count = keys.doctor.report?.findings.count ?? 0
        func select(_ index: Int) {
            keys.doctor.list.selected = count == 0 ? nil : max(0, min(count - 1, index))
        }
        let current = keys.doctor.list.selected ?? 0
        switch key {
        case .escape, .character("H"):
            keys.doctor.isOpen = false
        case .character("j"), .down: select(current + 1)
        case .character("k"), .up: select(current - 1)
        case .character("g"), .home: select(0)
        case .character("G"), .end: select(count - 1)
        case .pageDown: select(current + max(1, context.height / 3))
        case .pageUp: select(current - max(1, context.height / 3))
        case .character("r"):
            return run(&keys, &context)
        case .character("h"):
            return run(&keys, &context, probeHotKeys: true)
        case .character("f"):
            return fix(&keys, &context)
        default:
            // Not the doctor's: the app lets only global actions through.
            return nil
        }
        return []
    }

    /// `f`: the selected finding's fix, through the mutation flow.
    static func fix(_ keys: inout KeysState, _ context: inout PaneContext) -> [AppEffect] {
        guard let finding = keys.doctor.selectedFinding, let fix = finding.fix else {
            context.status = StatusMessage("this finding has no automatic fix; see its suggestion", kind: .warning, now: context.now, lifetime: 4)
            return []
        }
        guard !context.readOnly else {
            context.status = StatusMessage("read-only: fixes are off", kind: .warning, now: context.now, lifetime: 4)
            return []
        }
        let node = keys.doctor.node ?? context.currentNode
        switch fix {
        case .addTTL(let pattern, let seconds, let jitter):
            context.overlay = .mutation(.working("counting keys without TTL matching \(ServerBytes(pattern.source))…"))
            return [.mutate(node: node, .dryRunMissingTTL(pattern, seconds: seconds, jitter: jitter))]
        case .deleteKey(let key):
            context.overlay = .mutation(.working("checking \(ServerBytes(key))…"))
            return [.mutate(node: node, .prepareDelete(keys: [key]))]
        }
    }
}
