// What a replay shows in the panes a recording holds nothing for: a plain sentence, never a connection.
import TerminalUI

/// A recording holds samples, alerts, actions, events, channel counts and top prefixes, never key
/// names' values, sorted sets' members, messages or the server's own lists; the panes made of
/// those say so in a replay instead of reading a server.
enum ReplayView {
    static func renderNotRecorded(_ pane: Pane, _ context: PaneContext, in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let block = Block(title: " \(pane.title) (replay) ", focused: true, theme: theme, symbols: context.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        let what: DisplayText
        switch pane {
        case .keys: what = "the keys browser reads key names and values from a live server"
        case .leaderboard: what = "the leaderboard reads a sorted set's members from a live server"
        case .pubsub: what = "the Pub/Sub pane shows messages, and a recording never holds a payload"
        case .server: what = "the server pane reads clients, slow log and command statistics from a live server"
        case .overview: what = "the overview is replayed"
        }
        let lines: [(DisplayText, Style)] = [
            ("Replay has no data for this pane: \(what).", theme.warn.adding(.bold)),
            ("A replay opens no connection, so nothing here can be read or changed.", theme.text),
            ("", theme.text),
            ("Recorded and shown at the replay clock: the overview (1) with its sparklines and the recorded alerts;", theme.text),
            ("e: the recorded actions (audit) and events (topology, failover, Sentinel), top prefixes, channel counts.", theme.text),
        ]
        for (offset, line) in lines.enumerated() where offset < inner.height {
            _ = buffer.setString(inner.x + 1, inner.y + offset, line.0.truncated(to: max(0, inner.width - 2), ellipsis: context.symbols.ellipsis), style: line.1)
        }
    }
}
