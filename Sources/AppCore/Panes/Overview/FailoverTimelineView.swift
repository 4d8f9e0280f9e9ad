import Foundation
import Inspector
import TerminalUI

/// The failover timeline in the overview: the newest failover's events (or the newest events
/// when none ran), each with its time, what happened, how long the stage took, and the detail.
enum FailoverTimelineView {
    static func render(_ timeline: FailoverTimeline, _ context: PaneContext, in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let number = timeline.failoverCount
        let title: DisplayText =
            number == 0
            ? "Failover timeline" : "Failover #\(number)\(timeline.inFailover ? " in progress" : "")"
        let right: DisplayText = timeline.totalSeconds(number).map { "\(String(format: "%.1f", $0)) s" } ?? "no failover yet"
        var block = Block(title: title, titleRight: right, theme: theme, symbols: context.symbols)
        if timeline.inFailover {
            block.borderStyle = theme.critical
            block.titleStyle = theme.critical.adding(.bold)
        }
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        guard inner.height > 0 else { return }
        // The newest failover's events; the newest events otherwise (sdown of a replica, a reboot…).
        let indices = timeline.entries.indices.filter { number == 0 || timeline.entries[$0].failover == number }
        guard !indices.isEmpty else {
            buffer.setString(inner.x + 1, inner.y, "no events yet: sdown, odown, election, promotion appear here as they happen", style: theme.muted, maxWidth: inner.width - 1)
            return
        }
        for (row, index) in indices.suffix(inner.height).enumerated() {
            let entry = timeline.entries[index]
            let stage = timeline.stageSeconds(index).map { String(format: "%6.2fs", $0) } ?? "      "
            let style: Style
            switch entry.event.name {
            case "+odown", "+sdown": style = entry.event.isAboutPrimary ? theme.critical : theme.warn
            case "+switch-master", "+failover-end", "-odown", "-sdown": style = theme.ok
            default: style = theme.text
            }
            let y = inner.y + row
            var x = buffer.setString(inner.x + 1, y, "\(FailoverTimeline.clock(entry.event.wallMilliseconds).suffix(9)) ", style: theme.muted, maxWidth: inner.width - 1)
            x = buffer.setString(x, y, "\(SentinelView.pad(entry.event.name, 26))", style: style.adding(.bold), maxWidth: inner.right - x)
            x = buffer.setString(x, y, " \(stage) ", style: theme.muted, maxWidth: inner.right - x)
            buffer.setString(x, y, "\(entry.event.detail)", style: style, maxWidth: inner.right - x)
        }
    }
}
