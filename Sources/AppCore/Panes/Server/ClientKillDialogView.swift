// The client kill dialog: who would go, and the node's address to type.
import Inspector
import TerminalUI

/// Draws a ``ClientKillDialog`` over the server pane: the dry run's clients (id, address, name,
/// user, command, output buffer), that a kill cannot be undone, and the typed confirmation.
enum ClientKillDialogView {
    static func render(_ dialog: ClientKillDialog, _ context: PaneContext, in screen: Rect, buffer: inout Buffer) {
        let theme = context.theme
        switch dialog {
        case .working(let text):
            let box = screen.centered(width: min(70, screen.width - 4), height: 5)
            let block = Block(title: "Kill clients", focused: true, theme: theme, symbols: context.symbols)
            buffer.fill(box, with: Cell.blank.styled(theme.background))
            block.render(in: box, buffer: &buffer)
            buffer.setString(box.x + 2, box.y + 2, DisplayText(sanitizing: text), style: theme.muted, maxWidth: box.width - 4)
        case .confirm(let plan, var typed):
            let listed = min(plan.clients.count, max(1, screen.height - 14))
            let box = screen.centered(width: min(110, screen.width - 4), height: min(screen.height - 2, listed + 10))
            buffer.fill(box, with: Cell.blank.styled(theme.background))
            var block = Block(title: "Kill \(plan.clients.count) client\(plan.clients.count == 1 ? "" : "s") on \(plan.node)", focused: true, theme: theme, symbols: context.symbols)
            block.borderStyle = theme.critical
            block.render(in: box, buffer: &buffer)
            let inner = block.inner(box)
            var y = inner.y
            let skipped = plan.ownSkipped > 0 ? " · \(plan.ownSkipped) of cachescope's own left out" : ""
            buffer.setString(inner.x + 1, y, "dry run: these would be disconnected (CLIENT KILL ID, cannot be undone)\(skipped)", style: theme.warn, maxWidth: inner.width - 2)
            y += 2
            let rows = plan.clients.prefix(listed).map { client in
                Table.Row([
                    Line("\(client.id)"), Line("\(client.address)"), Line(DisplayText(ServerBytes(client.name))),
                    Line("\(client.user)"), Line("\(client.lastCommand)"), Line("\(Formatting.bytes(Double(client.outputMemory)))"),
                ])
            }
            var tableState = TableState(selected: nil)
            Table(
                rows: Array(rows), widths: [.length(6), .length(22), .fill(1), .length(10), .length(12), .length(8)],
                header: Table.Row(["ID", "ADDRESS", "NAME", "USER", "CMD", "OMEM"]), alignments: [.right, .left, .left, .left, .left, .right],
                style: theme.text, headerStyle: theme.muted.adding(.bold), symbols: context.symbols
            ).render(in: Rect(x: inner.x + 1, y: y, width: inner.width - 2, height: listed + 1), buffer: &buffer, state: &tableState)
            y += listed + 1
            if plan.clients.count > listed {
                buffer.setString(inner.x + 1, y, "… and \(plan.clients.count - listed) more", style: theme.muted)
            }
            let prompt: DisplayText = "type \(plan.confirmationWord) to kill them, Esc to cancel: "
            InputLine(prompt: prompt, style: theme.text, promptStyle: theme.critical, cursorStyle: theme.selection.adding(.reverse))
                .render(in: Rect(x: inner.x + 1, y: inner.bottom - 1, width: inner.width - 2, height: 1), buffer: &buffer, state: &typed)
        }
    }
}
