import Inspector
import TerminalUI

/// Draws the mutation dialogs: they say exactly what will change, where, and whether it can be
/// undone, before anything changes.
enum MutationOverlayView {
    static func render(_ overlay: MutationOverlay, _ keys: KeysState, _ context: PaneContext, in screen: Rect, buffer: inout Buffer) {
        let theme = context.theme
        switch overlay {
        case .ttlPrompt(let target, var input, let error):
            let box = screen.centered(width: min(80, screen.width - 4), height: 7)
            let title: DisplayText
            switch target {
            case .key(let key): title = "Expire \(ServerBytes(key))"
            case .field(let key, let field): title = "Expire field \(ServerBytes(field)) of \(ServerBytes(key)) (HEXPIRE, undoable with u)"
            case .pattern(let pattern, _): title = "TTL for keys matching \(pattern) that have none (±10% jitter)"
            }
            let block = Block(title: title, theme: theme, symbols: context.symbols)
            buffer.fill(box, with: Cell.blank.styled(theme.background))
            block.render(in: box, buffer: &buffer)
            let inner = block.inner(box)
            InputLine(prompt: "TTL: ", style: theme.text, promptStyle: theme.accent, cursorStyle: theme.selection.adding(.reverse))
                .render(in: inner.row(1), buffer: &buffer, state: &input)
            if let error { buffer.setString(inner.x, inner.y + 2, DisplayText(sanitizing: error), style: theme.critical, maxWidth: inner.width) }
            buffer.setString(inner.x, inner.bottom - 1, "90, 30s, 5m, 1h, 2d · Enter sets · Esc cancels", style: theme.muted, maxWidth: inner.width)
        case .confirmFieldPersist(let key, let field):
            let message = [
                Line("Remove the TTL of field \(ServerBytes(field)) of \(ServerBytes(key)) on \(context.address(keys.node ?? 0))?"),
                Line(Span("HPERSIST: the field then lives as long as the hash; u undoes it", style: theme.ok)),
            ]
            let box = screen.centered(width: min(90, screen.width - 4), height: 8)
            ConfirmDialog(title: "Persist field", message: message, kind: .yesNo, dangerous: true, theme: theme, symbols: context.symbols).render(in: box, buffer: &buffer)
        case .working(let text):
            let box = screen.centered(width: min(70, screen.width - 4), height: 3)
            buffer.fill(box, with: Cell.blank.styled(theme.background))
            let block = Block(title: "Working", theme: theme, symbols: context.symbols)
            block.render(in: box, buffer: &buffer)
            buffer.setString(box.x + 2, box.y + 1, "\(text) (Esc hides)", style: theme.text, maxWidth: box.width - 4)
        case .confirmDelete(let plan):
            var message: [Line] = []
            let names = list(plan.keys.prefix(3))
            message.append(Line("Delete \(plan.count == 1 ? names : "\(plan.count) keys (\(names)…)") on \(context.address(keys.node ?? 0))?"))
            if plan.notUndoableCount > 0 {
                message.append(
                    Line(
                        Span(
                            "\(plan.notUndoableCount) cannot be undone (\(Formatting.bytes(Double(plan.notUndoableBytes))), over the undo budget): \(list(plan.notUndoable.prefix(3)))",
                            style: theme.critical)))
            } else {
                message.append(Line(Span("u undoes it (value and TTL are kept)", style: theme.ok)))
            }
            let box = screen.centered(width: min(90, screen.width - 4), height: 8)
            ConfirmDialog(title: "Delete", message: message, kind: .yesNo, dangerous: true, theme: theme, symbols: context.symbols).render(in: box, buffer: &buffer)
        case .confirmPattern(let plan, let purpose, let typed):
            let verb: DisplayText
            switch purpose {
            case .delete: verb = "Delete"
            case .expire(let seconds, let jitter): verb = "Set a TTL of \(Formatting.duration(Double(seconds))) ±\(Int(jitter * 100))% on the keys without one among"
            case .addTTL(let seconds, let jitter): verb = "Set a TTL of \(Formatting.duration(Double(seconds))) ±\(Int((jitter * 100).rounded()))% (undoable with u) on the keys without TTL,"
            }
            var message = [
                Line("\(verb) \(plan.count) keys matching \(plan.pattern)\(plan.typeFilter.map { " of type \($0)" } ?? "")"),
                Line("on \(plan.confirmationWord) · \(Formatting.bytes(Double(plan.memoryBytes))) in all"),
                Line(Span("e.g. \(list(plan.sample.prefix(5)))", style: theme.muted)),
            ]
            if case .delete = purpose {
                message.append(
                    plan.estimatedNotUndoable > 0
                        ? Line(Span("\(plan.estimatedNotUndoable) of them cannot be undone (over the undo budget)", style: theme.critical))
                        : Line(Span("all of them can be undone with u", style: theme.ok)))
            }
            let box = screen.centered(width: min(100, screen.width - 4), height: 12)
            ConfirmDialog(
                title: "Confirm by typing the target", message: message, kind: .typedWord(expected: plan.confirmationWord, typed: typed.text), dangerous: true, theme: theme, symbols: context.symbols
            )
            .render(in: box, buffer: &buffer)
        case .bulkRunning(let purpose, let progress, let expected):
            let box = screen.centered(width: min(80, screen.width - 4), height: 6)
            buffer.fill(box, with: Cell.blank.styled(theme.background))
            let title: DisplayText
            switch purpose {
            case .delete: title = "Deleting"
            case .expire, .addTTL: title = "Setting TTLs"
            }
            let block = Block(title: title, titleRight: "Esc aborts", theme: theme, symbols: context.symbols)
            block.render(in: box, buffer: &buffer)
            let inner = block.inner(box)
            let done = progress?.changed ?? 0
            Gauge(ratio: progress?.fraction ?? 0, label: "\(done) / \(expected)", warnAt: 2, criticalAt: 2, theme: theme).render(in: inner.row(0), buffer: &buffer)
            if let p = progress {
                buffer.setString(
                    inner.x, inner.y + 2, "scanned \(p.scanned) · changed \(p.changed) · skipped \(p.skipped) · \(Formatting.duration(p.elapsed))", style: theme.text, maxWidth: inner.width)
            }
        }
    }

    /// Key names from the server, comma-separated.
    static func list(_ keys: ArraySlice<[UInt8]>) -> DisplayText {
        keys.map { DisplayText(ServerBytes($0)) }.joined(separator: ", ")
    }
}
