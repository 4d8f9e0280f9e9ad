import Inspector
import TerminalUI

/// The keys pane's side of the mutation flow: which key a change is for, the dialogs, and what
/// the answers do to the screen. Every change itself goes to the mutation path as an effect.
enum MutationUpdate {
    /// `e`, `p`, `d`, `u`, `D`, `E` in the keys pane.
    static func perform(_ action: AppAction, _ state: inout AppState) -> [AppEffect] {
        guard let node = state.keys.node else { return [] }
        switch action {
        case .expire:
            guard let key = targetKey(state) else { return noKey(&state) }
            state.overlay = .mutation(.ttlPrompt(target: .key(key), input: InputLineState(), error: nil))
        case .persist:
            guard let key = targetKey(state) else { return noKey(&state) }
            return [.mutate(node: node, .persist(key: key))]
        case .delete:
            guard let key = targetKey(state) else { return noKey(&state) }
            state.overlay = .mutation(.working("checking \(Sanitizer.display(key))…"))
            return [.mutate(node: node, .prepareDelete(keys: [key]))]
        case .undo:
            return [.mutate(node: node, .undo)]
        case .deletePattern, .expirePattern:
            guard !state.keys.filterText.isEmpty || state.keys.typeFilter != nil else {
                state.status = StatusMessage("set a filter with / first: the change applies to every key matching it", kind: .warning, now: state.now)
                return []
            }
            let pattern = KeysState.glob(for: state.keys.filterText.isEmpty ? "*" : state.keys.filterText)
            if action == .expirePattern {
                state.overlay = .mutation(.ttlPrompt(target: .pattern(pattern, state.keys.typeFilter), input: InputLineState(), error: nil))
                return []
            }
            state.overlay = .mutation(.working("counting keys matching \(Sanitizer.display(pattern)) on every node…"))
            return [.mutate(node: node, .dryRun(pattern: pattern, type: state.keys.typeFilter, purpose: .delete))]
        default:
            return []
        }
        return []
    }

    /// The key a single-key change is for: the open one, else the selected key row.
    static func targetKey(_ state: AppState) -> [UInt8]? {
        if let opened = state.keys.opened { return opened.key }
        guard case .key(let id)? = KeysUpdate.selectedRow(state), let view = state.keys.view else { return nil }
        return view.index.key(id)
    }

    static func noKey(_ state: inout AppState) -> [AppEffect] {
        state.status = StatusMessage("select a key first", kind: .warning, now: state.now, lifetime: 3)
        return []
    }

    /// Keys while a mutation dialog is up.
    static func handleKey(_ key: Key, _ overlay: MutationOverlay, _ state: inout AppState) -> [AppEffect] {
        guard let node = state.keys.node else { state.overlay = nil; return [] }
        switch overlay {
        case .ttlPrompt(let target, var input, _):
            switch input.handle(key) {
            case .submitted(let text):
                do {
                    let seconds = try TTLParser.seconds(text)
                    switch target {
                    case .key(let k):
                        state.overlay = nil
                        return [.mutate(node: node, .expire(key: k, seconds: seconds))]
                    case .pattern(let pattern, let type):
                        state.overlay = .mutation(.working("counting keys matching \(Sanitizer.display(pattern))…"))
                        return [.mutate(node: node, .dryRun(pattern: pattern, type: type, purpose: .expire(seconds: seconds, jitter: 0.1)))]
                    }
                } catch {
                    // Nothing changes; the prompt stays so the TTL can be corrected.
                    input.text = text
                    state.overlay = .mutation(.ttlPrompt(target: target, input: input, error: error.description))
                }
            case .cancelled:
                state.overlay = nil
            default:
                state.overlay = .mutation(.ttlPrompt(target: target, input: input, error: nil))
            }
        case .working:
            if key == .escape { state.overlay = nil }
        case .confirmDelete(let plan):
            switch key {
            case .character("y"), .character("Y"):
                state.overlay = nil
                return [.mutate(node: node, .delete(plan))]
            case .character("n"), .character("N"), .escape, .character("q"):
                state.overlay = nil
                state.status = StatusMessage("nothing deleted", now: state.now, lifetime: 3)
            default: break
            }
        case .confirmPattern(let plan, let purpose, var typed):
            switch typed.handle(key) {
            case .submitted(let text):
                guard text == plan.confirmationWord else {
                    typed.text = text
                    state.overlay = .mutation(.confirmPattern(plan, purpose: purpose, typed: typed))
                    state.status = StatusMessage("type \(plan.confirmationWord) exactly to confirm, Esc to cancel", kind: .warning, now: state.now)
                    return []
                }
                state.overlay = .mutation(.bulkRunning(purpose: purpose, progress: nil, expected: plan.count))
                switch purpose {
                case .delete: return [.mutate(node: node, .deleteMatching(plan))]
                case .expire(let seconds, let jitter): return [.mutate(node: node, .expireMatching(plan, seconds: seconds, jitter: jitter))]
                case .addTTL(let seconds, let jitter): return [.mutate(node: node, .addTTLMatching(plan, seconds: seconds, jitter: jitter))]
                }
            case .cancelled:
                state.overlay = nil
                state.status = StatusMessage("nothing changed", now: state.now, lifetime: 3)
            default:
                state.overlay = .mutation(.confirmPattern(plan, purpose: purpose, typed: typed))
            }
        case .bulkRunning:
            if key == .escape || key == .control("c") {
                state.status = StatusMessage("aborting after the current batch…", kind: .warning, now: state.now)
                return [.mutate(node: node, .abortBulk)]
            }
        }
        return []
    }

    /// What the mutation path answered.
    static func finished(_ result: MutationResult, _ state: inout AppState) -> [AppEffect] {
        let node = state.keys.node ?? state.currentNode
        switch result {
        case .changed(let outcome):
            let name = Sanitizer.display(outcome.key)
            let text: String
            switch (outcome.command, outcome.changed) {
            case ("EXPIRE", true): text = "\(name) now expires in \(Formatting.duration(Double(max(0, outcome.pttl)) / 1000))"
            case ("PERSIST", true): text = "\(name) no longer expires"
            case ("PERSIST", false): text = outcome.pttl == -2 ? "\(name) does not exist any more" : "\(name) had no TTL"
            default: text = "\(name) does not exist any more"
            }
            state.status = StatusMessage(text, kind: outcome.changed ? .success : .warning, now: state.now)
            if var opened = state.keys.opened, opened.key == outcome.key, var detail = opened.detail, let ttl = outcome.ttl {
                detail.ttl = ttl
                opened.detail = detail
                state.keys.opened = opened
            }
            return [.refreshKeys(node: node, keys: [outcome.key])]
        case .deletePlanned(let plan):
            guard plan.count > 0 else {
                state.overlay = nil
                state.status = StatusMessage("nothing to delete: the key no longer exists", kind: .warning, now: state.now)
                return [.refreshKeys(node: node, keys: plan.missing)]
            }
            state.overlay = .mutation(.confirmDelete(plan))
        case .deleted(let outcome, let keys):
            let undo = outcome.notUndoable.isEmpty ? " · u to undo" : " · \(outcome.notUndoable.count) cannot be undone"
            state.status = StatusMessage("deleted \(outcome.deleted) key\(outcome.deleted == 1 ? "" : "s")\(undo)", kind: .success, now: state.now, lifetime: 10)
            if let opened = state.keys.opened, keys.contains(opened.key) { state.keys.opened = nil }
            return [.refreshKeys(node: node, keys: keys)]
        case .undone(let outcome?):
            state.status = StatusMessage(outcome.summary, kind: outcome.restored.isEmpty ? .warning : .success, now: state.now, lifetime: 10)
            return [.refreshKeys(node: node, keys: outcome.restored)]
        case .undone(nil):
            state.status = StatusMessage("nothing to undo", now: state.now, lifetime: 3)
        case .patternPlanned(let plan, let purpose):
            guard plan.count > 0 else {
                state.overlay = nil
                state.status = StatusMessage("no keys match \(Sanitizer.display(plan.pattern.description))", kind: .warning, now: state.now)
                return []
            }
            state.overlay = .mutation(.confirmPattern(plan, purpose: purpose, typed: InputLineState()))
        case .bulkProgress(let progress):
            if case .mutation(.bulkRunning(let purpose, _, let expected)) = state.overlay {
                state.overlay = .mutation(.bulkRunning(purpose: purpose, progress: progress, expected: expected))
            }
        case .bulkFinished(let result):
            state.overlay = nil
            state.status = StatusMessage(result.summary + (result.undoable > 0 ? " · u to undo" : ""), kind: result.aborted ? .warning : .success, now: state.now, lifetime: 15)
            return [.startScan(node: node, filter: state.keys.keyFilter)]
        case .failed(let message):
            state.overlay = nil
            state.status = StatusMessage(message, kind: .error, now: state.now, lifetime: 15)
        }
        return []
    }
}
