// The recorded actions and events, prefixes and channels as lines: for the `e` overlay and the panes a replay has them for.
import Inspector
import TerminalUI

/// Lines of ``ReplayRecords``, each section under its title; server bytes through the sanitiser.
enum ReplayRecordsView {
    enum Section { case entries, prefixes, channels }

    static func lines(_ records: ReplayRecords, _ sections: [Section], clock: ReplayClock, theme: Theme, limit: Int) -> [(DisplayText, Style)] {
        var lines: [(DisplayText, Style)] = []
        for section in sections {
            if !lines.isEmpty { lines.append(("", theme.text)) }
            switch section {
            case .entries:
                lines.append(("Recorded actions (audit) and events, newest last", theme.accent.adding(.bold)))
                if records.entries.isEmpty { lines.append(("  none recorded by this moment", theme.muted)) }
                for entry in records.entries.suffix(limit) {
                    let target = entry.target.map { DisplayText(ServerBytes($0)) } ?? ""
                    let keys: DisplayText = entry.keys.map { " \($0) key(s)" } ?? ""
                    let outcome: DisplayText = entry.outcome.map { " \($0)" } ?? ""
                    let detail: DisplayText = entry.detail.map { " \($0)" } ?? ""
                    let source: DisplayText = entry.isAction ? "action" : "event "
                    let style = entry.outcome.map { $0 == "done" ? theme.text : theme.warn } ?? theme.text
                    lines.append(("  \(clock.wallTime(entry.t))  \(source) \(entry.kind) \(target)\(keys)\(outcome)\(detail)", style))
                }
            case .prefixes:
                lines.append(("Top prefixes by memory, as last recorded", theme.accent.adding(.bold)))
                if records.prefixes.isEmpty { lines.append(("  none recorded by this moment", theme.muted)) }
                for prefix in records.prefixes.prefix(limit) {
                    let estimated: DisplayText = prefix.estimated ? " (estimated)" : ""
                    lines.append(("  \(DisplayText(ServerBytes(prefix.prefix)))  \(prefix.keys) keys  \(Formatting.bytes(Double(prefix.memory)))\(estimated)", theme.text))
                }
            case .channels:
                lines.append(("Pub/Sub messages per channel over the last minute (counts only)", theme.accent.adding(.bold)))
                if records.channels.isEmpty { lines.append(("  none recorded", theme.muted)) }
                for channel in records.channels.prefix(limit) {
                    lines.append(("  \(DisplayText(ServerBytes(channel.channel)))  \(channel.messages)", theme.text))
                }
            }
        }
        return lines
    }

    /// The `e` overlay: every section, in a box over the screen.
    static func renderOverlay(_ state: AppState, in screen: Rect, buffer: inout Buffer) {
        guard let clock = state.replay else { return }
        let box = screen.centered(width: min(110, screen.width - 4), height: min(screen.height - 4, 34))
        buffer.fill(box, with: Cell.blank.styled(state.theme.background))
        let block = Block(title: " Recorded, as at \(clock.wallTime(clock.position)) (e or Esc closes) ", focused: true, theme: state.theme, symbols: state.symbols)
        block.render(in: box, buffer: &buffer)
        let inner = block.inner(box)
        let all = lines(state.replayRecords, [.entries, .prefixes, .channels], clock: clock, theme: state.theme, limit: max(3, inner.height / 2 - 4))
        draw(all, in: inner, symbols: state.symbols, buffer: &buffer)
    }

    static func draw(_ lines: [(DisplayText, Style)], in area: Rect, symbols: Symbols, buffer: inout Buffer) {
        for (offset, line) in lines.enumerated() where offset < area.height {
            _ = buffer.setString(area.x, area.y + offset, line.0.truncated(to: max(0, area.width), ellipsis: symbols.ellipsis), style: line.1)
        }
    }
}
