// The replay's "recorded" overlay (`e`): actions and events, top prefixes and channel counts as at the clock.
import AppCore
import Inspector
import Recording
import TerminalUI

/// What the recording holds beside samples, as at the replay clock. Key names, channels and
/// prefixes are server bytes: they reach the screen only through the sanitiser.
struct ReplayRecorded: Sendable {
    var entries: [RecordedEntry] = []
    var prefixes: [RecordedPrefix] = []
    var channels: [RecordedChannel] = []

    /// Reads them from `reader` as at `t` (channels: the last minute).
    init(_ reader: RecordingReader, at t: Int64) throws {
        entries = try reader.entries(through: t, limit: 30)
        prefixes = Array(try reader.prefixes(at: t).prefix(12))
        channels = Array(try reader.channels(from: t - 60_000, through: t).prefix(10))
    }

    func render(_ clock: ReplayClock, theme: Theme, symbols: Symbols, screen: Rect, into buffer: inout Buffer) {
        let box = screen.centered(width: min(110, screen.width - 4), height: min(screen.height - 4, 34))
        buffer.fill(box, with: Cell.blank.styled(theme.background))
        let block = Block(title: " Recorded, as at \(clock.wallTime(clock.position)) (e or Esc closes) ", focused: true, theme: theme, symbols: symbols)
        block.render(in: box, buffer: &buffer)
        let inner = block.inner(box)
        var y = inner.y
        func line(_ text: DisplayText, _ style: Style) {
            guard y < inner.bottom else { return }
            _ = buffer.setString(inner.x, y, text.truncated(to: inner.width, ellipsis: symbols.ellipsis), style: style)
            y += 1
        }
        line("Actions and events (newest last)", theme.accent.adding(.bold))
        if entries.isEmpty { line("  none recorded yet", theme.muted) }
        for entry in entries.suffix(max(3, inner.height / 2 - 4)) {
            let target = entry.target.map { DisplayText(ServerBytes($0)) } ?? ""
            let keys = entry.keys.map { " \($0) key(s)" } ?? ""
            let outcome = entry.outcome.map { " \($0)" } ?? ""
            let detail = entry.detail.map { " \($0)" } ?? ""
            line("  \(clock.wallTime(entry.t))  \(entry.source == .action ? "action" : "event ") \(entry.kind) \(target)\(keys)\(outcome)\(detail)", theme.text)
        }
        line("", theme.text)
        line("Top prefixes by memory", theme.accent.adding(.bold))
        if prefixes.isEmpty { line("  none recorded yet", theme.muted) }
        for prefix in prefixes {
            let estimated = prefix.estimated ? " (estimated)" : ""
            line("  \(DisplayText(ServerBytes(prefix.prefix)))  \(prefix.keys) keys  \(Formatting.bytes(Double(prefix.memory)))\(estimated)", theme.text)
        }
        line("", theme.text)
        line("Pub/Sub messages per channel, last minute", theme.accent.adding(.bold))
        if channels.isEmpty { line("  none recorded", theme.muted) }
        for channel in channels { line("  \(DisplayText(ServerBytes(channel.channel)))  \(channel.messages)", theme.text) }
    }
}
