import Inspector
import TerminalUI

/// The keys pane's side of the mutation flow: which key a change is for, the dialogs, and what
/// the answers do to the screen. Every change itself goes to the mutation path as an effect.
enum MutationUpdate {
    /// `e`, `p`, `d`, `u`, `D`, `E` in the keys pane.
    static func perform(_ action: AppAction, _ keys: inout KeysState, _ context: inout PaneContext) -> [AppEffect] {
        guard let node = keys.node else { return [] }
        switch action {
        case .expire:
            guard let key = targetKey(keys) else { return noKey(&keys, &context) }
            context.overlay = .mutation(.ttlPrompt(target: .key(key), input: InputLineState(), error: nil))
        case .persist:
            guard let key = targetKey(keys) else { return noKey(&keys, &context) }
            return [.mutate(node: node, .persist(key: key))]
        case .delete:
            guard let key = targetKey(keys) else { return noKey(&keys, &context) }
            context.overlay = .mutation(.working("checking \(ServerBytes(key))…"))
            return [.mutate(node: node, .prepareDelete(keys: [key]))]
        case .undo:
            return [.mutate(node: node, .undo)]
        case .deletePattern, .expirePattern:
            guard !keys.filterText.isEmpty || keys.typeFilter != nil else {
                context.status = StatusMessage("set a filter with / first: the change applies to every key matching it", kind: .warning, now: context.now)
                return []
            }
            let pattern = KeysState.glob(for: keys.filterText.isEmpty ? "*" : keys.filterText)
            if action == .expirePattern {
                context.overlay = .mutation(.ttlPrompt(target: .pattern(pattern, keys.typeFilter), input: InputLineState(), error: nil))
                return []
            }
            context.overlay = .mutation(.working("counting keys matching \(pattern) on every node…"))
            return [.mutate(node: node, .dryRun(pattern: pattern, type: keys.typeFilter, purpose: .delete))]
        default:
            return []
        }
        return []
    }

    /// The key a single-key change is for: the open one, else the selected key row.
    static func targetKey(_ keys: KeysState) -> [UInt8]? {
        if let opened = keys.opened { return opened.key }
        guard case .key(let id)? = KeysUpdate.selectedRow(keys), let view = keys.view else { return nil }
        return view.index.key(id)
    }

    static func noKey(_ keys: inout KeysState, _ context: inout PaneContext) -> [AppEffect] {
        context.status = StatusMessage("select a key first", kind: .warning, now: context.now, lifetime: 3)
        return []
    }

    /// Keys while a mutation dialog is up.
    static func handleKey(_ key: Key, _ overlay: MutationOverlay, _ keys: inout KeysState, _ context: inout PaneContext) -> [AppEffect] {
        guard let node = keys.node else {
            context.overlay = nil
            return []
        }
        switch overlay {
        case .ttlPrompt(let target, var input, _):
            switch input.handle(key) {
            case .submitted(let text):
                do {
                    let seconds = try TTLParser.seconds(text)
                    switch target {
                    case .key(let k):
                        context.overlay = nil
                        return [.mutate(node: node, .expire(key: k, seconds: seconds))]
                    case .field(let k, let field):
                        context.overlay = nil
                        return [.mutate(node: node, .expireField(key: k, field: field, seconds: seconds))]
                    case .pattern(let pattern, let type):
                        context.overlay = .mutation(.working("counting keys matching \(pattern)…"))
                        return [.mutate(node: node, .dryRun(pattern: pattern, type: type, purpose: .expire(seconds: seconds, jitter: 0.1)))]
                    }
                } catch {
                    // Nothing changes; the prompt stays so the TTL can be corrected.
                    input.text = text
                    context.overlay = .mutation(.ttlPrompt(target: target, input: input, error: error.description))
                }
            case .cancelled:
                context.overlay = nil
            default:
                context.overlay = .mutation(.ttlPrompt(target: target, input: input, error: nil))
            }
        case .confirmFieldPersist(let hash, let field):
            return FieldTTLUpdate.confirmPersist(key, hash: hash, field: field, node: node, &context)
        case .working:
            if key == .escape { context.overlay = nil }
        case .confirmDelete(let plan):
            switch key {
            case .character("y"), .character("Y"):
                context.overlay = nil
                return [.mutate(node: node, .delete(plan))]
            case .character("n"), .character("N"), .escape, .character("q"):
                context.overlay = nil
                context.status = StatusMessage("nothing deleted", now: context.now, lifetime: 3)
            default: break
            }
        case .confirmPattern(let plan, let purpose, var typed):
            switch typed.handle(key) {
            case .submitted(let text):
                guard text == plan.confirmationWord else {
                    typed.text = text
                    context.overlay = .mutation(.confirmPattern(plan, purpose: purpose, typed: typed))
                    context.status = StatusMessage("type \(plan.confirmationWord) exactly to confirm, Esc to cancel", kind: .warning, now: context.now)
                    return []
                }
                context.overlay = .mutation(.bulkRunning(purpose: purpose, progress: nil, expected: plan.count))
                switch purpose {
                case .delete: return [.mutate(node: node, .deleteMatching(plan))]
                case .expire(let seconds, let jitter): return [.mutate(node: node, .expireMatching(plan, seconds: seconds, jitter: jitter))]
                case .addTTL(let seconds, let jitter): return [.mutate(node: node, .addTTLMatching(plan, seconds: seconds, jitter: jitter))]
                }
            case .cancelled:
                context.overlay = nil
                context.status = StatusMessage("nothing changed", now: context.now, lifetime: 3)
            default:
                context.overlay = .mutation(.confirmPattern(plan, purpose: purpose, typed: typed))
            }
        case .bulkRunning:
            if key == .escape || key == .control("c") {
                context.status = StatusMessage("aborting after the current batch…", kind: .warning, now: context.now)
                return [.mutate(node: node, .abortBulk)]
            }
        }
        return []
    }

    /// What the mutation path answered.
    static func finished(_ result: MutationResult, _ keys: inout KeysState, _ context: inout PaneContext) -> [AppEffect] {
        let node = keys.node ?? context.currentNode
        switch result {
        case .changed(let outcome):
            let name = ServerBytes(outcome.key)
            let text: DisplayText
            switch (outcome.command, outcome.changed) {
            case ("EXPIRE", true): text = "\(name) now expires in \(Formatting.duration(Double(max(0, outcome.pttl)) / 1000))"
            case ("PERSIST", true): text = "\(name) no longer expires"
            case ("PERSIST", false): text = outcome.pttl == -2 ? "\(name) does not exist any more" : "\(name) had no TTL"
            default: text = "\(name) does not exist any more"
            }
            context.status = StatusMessage(text, kind: outcome.changed ? .success : .warning, now: context.now)
            if var opened = keys.opened, opened.key == outcome.key, var detail = opened.detail, let ttl = outcome.ttl {
                detail.ttl = ttl
                opened.detail = detail
                keys.opened = opened
            }
            return [.refreshKeys(node: node, keys: [outcome.key])]
        case .deletePlanned(let plan):
            guard plan.count > 0 else {
                context.overlay = nil
                context.status = StatusMessage("nothing to delete: the key no longer exists", kind: .warning, now: context.now)
                return [.refreshKeys(node: node, keys: plan.missing)]
            }
            context.overlay = .mutation(.confirmDelete(plan))
        case .deleted(let outcome, let deleted):
            let undo = outcome.notUndoable.isEmpty ? " · u to undo" : " · \(outcome.notUndoable.count) cannot be undone"
            context.status = StatusMessage("deleted \(outcome.deleted) key\(outcome.deleted == 1 ? "" : "s")\(undo)", kind: .success, now: context.now, lifetime: 10)
            if let opened = keys.opened, deleted.contains(opened.key) { keys.opened = nil }
            return [.refreshKeys(node: node, keys: deleted)]
        case .fieldChanged(let outcome):
            FieldTTLUpdate.finished(outcome, &keys, &context)
        case .undone(let outcome?):
            context.status = StatusMessage(DisplayText(sanitizing: outcome.summary), kind: outcome.restored.isEmpty ? .warning : .success, now: context.now, lifetime: 10)
            return [.refreshKeys(node: node, keys: outcome.restored)] + FieldTTLUpdate.undone(outcome, &keys)
        case .undone(nil):
            context.status = StatusMessage("nothing to undo", now: context.now, lifetime: 3)
        case .patternPlanned(let plan, let purpose):
            guard plan.count > 0 else {
                context.overlay = nil
                context.status = StatusMessage("no keys match \(plan.pattern)", kind: .warning, now: context.now)
                return []
            }
            context.overlay = .mutation(.confirmPattern(plan, purpose: purpose, typed: InputLineState()))
        case .bulkProgress(let progress):
            if case .mutation(.bulkRunning(let purpose, _, let expected)) = context.overlay {
                context.overlay = .mutation(.bulkRunning(purpose: purpose, progress: progress, expected: expected))
            }
        case .bulkFinished(let result):
            context.overlay = nil
            context.status = StatusMessage("\(result.summary)\(result.undoable > 0 ? " · u to undo" : "")", kind: result.aborted ? .warning : .success, now: context.now, lifetime: 15)
            return [.startScan(node: node, filter: keys.keyFilter)]
        case .failed(let message):
            context.overlay = nil
            context.status = StatusMessage(DisplayText(sanitizing: message), kind: .error, now: context.now, lifetime: 15)
        case .clientKillPlanned, .clientsKilled:
            // The server pane's (routed there by the app).
            break
        }
        return []
    }
}
