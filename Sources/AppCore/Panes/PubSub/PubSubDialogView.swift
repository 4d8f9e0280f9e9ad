import Inspector
import TerminalUI

/// The Pub/Sub pane's confirmation: turning on keyspace notifications on the server.
enum PubSubDialogView {
    static func render(_ dialog: PubSubDialog, _ pubsub: PubSubState, _ context: PaneContext, in screen: Rect, buffer: inout Buffer) {
        let theme = context.theme
        switch dialog {
        case .enableKeyEvents(let node, let setting):
            let current: DisplayText = setting.isOff ? "off (\"\")" : "\"\(setting.flags)\""
            let message: [Line] = [
                "Key events need notify-keyspace-events with E, x, e and g.",
                "On \(context.address(node)) it is \(current).",
                "",
                "Set it to \"\(setting.enabled)\" (CONFIG SET)? This changes the server for every",
                "client and costs some CPU on busy servers. The old value is restored when you quit.",
            ]
            let box = screen.centered(width: min(84, screen.width - 4), height: min(screen.height - 2, message.count + 5))
            buffer.fill(box, with: Cell.blank.styled(theme.background))
            ConfirmDialog(title: "Turn on keyspace notifications", message: message, kind: .yesNo, dangerous: true, theme: theme, symbols: context.symbols)
                .render(in: box, buffer: &buffer)
        }
    }
}
