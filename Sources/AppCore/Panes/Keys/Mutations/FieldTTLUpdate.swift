import Inspector
import TerminalUI

/// The value view of a hash whose fields carry TTLs (Redis 7.4+, Valkey 9+): moving the field
/// selection, and `e` / `p` on the selected field through the one mutation path (`HEXPIRE`,
/// `HPERSIST`: a TTL prompt, a `y` confirmation, read-only refusal, undo with `u`, the audit log).
enum FieldTTLUpdate {
    /// Keys of the open hash's field selection; nil hands the action on (paging, Esc, `u`, …).
    static func perform(_ action: AppAction, _ keys: inout KeysState, _ context: inout PaneContext) -> [AppEffect]? {
        guard var opened = keys.opened else { return nil }
        let count = opened.fields.count
        let page = max(1, context.height - 12)
        func select(_ index: Int) {
            opened.selectedField = max(0, min(count - 1, index))
            // Keep the selection in sight: the view clamps the rest.
            if opened.selectedField < opened.scroll { opened.scroll = opened.selectedField }
            if opened.selectedField >= opened.scroll + page { opened.scroll = opened.selectedField - page + 1 }
            keys.opened = opened
        }
        switch action {
        case .moveUp: select(opened.selectedField - 1)
        case .moveDown: select(opened.selectedField + 1)
        case .pageUp: select(opened.selectedField - page)
        case .pageDown: select(opened.selectedField + page)
        case .top: select(0)
        case .bottom: select(count - 1)
        case .expire:
            guard let entry = opened.selectedFieldEntry else { return noField(&context) }
            context.overlay = .mutation(.ttlPrompt(target: .field(key: opened.key, field: entry.field.field), input: InputLineState(), error: nil))
        case .persist:
            guard let entry = opened.selectedFieldEntry else { return noField(&context) }
            guard case .expires? = entry.ttl else {
                context.status = StatusMessage("field \(ServerBytes(entry.field.field)) has no TTL", kind: .warning, now: context.now, lifetime: 3)
                return []
            }
            context.overlay = .mutation(.confirmFieldPersist(key: opened.key, field: entry.field.field))
        default: return nil
        }
        return []
    }

    private static func noField(_ context: inout PaneContext) -> [AppEffect] {
        context.status = StatusMessage("no field selected", kind: .warning, now: context.now, lifetime: 3)
        return []
    }

    /// Keys while `y`/`n` is asked before removing a field's TTL.
    static func confirmPersist(_ key: Key, hash: [UInt8], field: [UInt8], node: Int, _ context: inout PaneContext) -> [AppEffect] {
        switch key {
        case .character("y"), .character("Y"):
            context.overlay = nil
            return [.mutate(node: node, .persistField(key: hash, field: field))]
        case .character("n"), .character("N"), .escape, .character("q"):
            context.overlay = nil
            context.status = StatusMessage("nothing changed", now: context.now, lifetime: 3)
        default: break
        }
        return []
    }

    /// The server's answer to `HEXPIRE` / `HPERSIST`: the status line, and the field's TTL in the view.
    static func finished(_ outcome: FieldChangeOutcome, _ keys: inout KeysState, _ context: inout PaneContext) {
        let name: DisplayText = "\(ServerBytes(outcome.field)) of \(ServerBytes(outcome.key))"
        let text: DisplayText
        switch (outcome.command, outcome.changed, outcome.ttl) {
        case ("HEXPIRE", true, let ttl?):
            let ms = ttl.remainingMilliseconds(at: outcome.readAt) ?? 0
            text = "field \(name) now expires in \(Formatting.duration(Double(ms) / 1000)) · u to undo"
        case ("HPERSIST", true, _): text = "field \(name) no longer expires · u to undo"
        case ("HPERSIST", false, _?): text = "field \(name) had no TTL"
        default: text = "field \(name) does not exist any more"
        }
        context.status = StatusMessage(text, kind: outcome.changed ? .success : .warning, now: context.now, lifetime: 10)
        if var opened = keys.opened, opened.key == outcome.key {
            opened.setTTL(outcome.ttl, ofField: outcome.field)
            keys.opened = opened
        }
    }

    /// After an undo that restored the open hash: read it again (the field's value and TTL are back).
    static func undone(_ outcome: UndoOutcome, _ keys: inout KeysState) -> [AppEffect] {
        guard let opened = keys.opened, opened.hasFieldTTLs, outcome.restored.contains(opened.key), let node = keys.node else { return [] }
        var reopened = OpenedKey(key: opened.key, type: opened.type)
        reopened.selectedField = opened.selectedField
        reopened.scroll = opened.scroll
        keys.opened = reopened
        return [.openKey(node: node, key: opened.key, type: opened.type)]
    }
}
