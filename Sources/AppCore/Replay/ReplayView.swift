// A replay's panes other than the overview: what the recording holds for them, and plainly what it does not.
import TerminalUI

/// A recording holds samples, alerts, actions, events, channel counts and top prefixes, never key
/// values, sorted sets' members, messages or the server's own lists. In a replay the Keys pane
/// shows the recorded top prefixes, Pub/Sub the channel counts, Server the audit and events; each
/// says first what the replay has no data for, and none of them reads a server.
enum ReplayView {
    static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        let context = state.paneContext
        let theme = context.theme
        let pane = state.pane
        let block = Block(title: " \(pane.title) (replay) ", focused: true, theme: theme, symbols: context.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        let missing: DisplayText
        let sections: [ReplayRecordsView.Section]
        switch pane {
        case .keys:
            missing = "key names, values and TTLs (the keys browser reads them from a live server)"
            sections = [.prefixes]
        case .leaderboard:
            missing = "the leaderboard (a sorted set's members are read from a live server)"
            sections = []
        case .pubsub:
            missing = "messages (a recording never holds a payload; only counts per channel)"
            sections = [.channels]
        case .server:
            missing = "clients, the slow log and command statistics (read from a live server)"
            sections = [.entries]
        case .overview:
            missing = ""
            sections = []
        }
        var lines: [(DisplayText, Style)] = [
            ("Replay has no data for \(missing).", theme.warn.adding(.bold)),
            ("A replay opens no connection: nothing here is read from or changed on a server. e shows everything recorded.", theme.muted),
            ("", theme.text),
        ]
        if let clock = state.replay, !sections.isEmpty {
            lines += ReplayRecordsView.lines(state.replayRecords, sections, clock: clock, theme: theme, limit: max(1, inner.height - 5))
        }
        ReplayRecordsView.draw(lines, in: Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 2), height: inner.height), symbols: context.symbols, buffer: &buffer)
    }
}
