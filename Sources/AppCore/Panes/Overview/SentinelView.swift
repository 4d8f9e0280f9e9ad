import Foundation
import Inspector
import TerminalUI

/// Sentinel mode, in the overview: the group (each sentinel up or down, the quorum, the primary's
/// flags, each replica's link, offset lag and last I/O) beside the session's failover timeline.
enum SentinelView {
    /// Rows the panel wants: borders, the group's lines, and room for a failover's events.
    static func height(_ sentinel: SentinelState) -> Int {
        let group = 2 + 3 + 1 + (sentinel.overview?.replicas.count ?? 0)
        return max(group, 2 + min(12, max(4, sentinel.timeline.failover(sentinel.timeline.failoverCount).count + 2)))
    }

    static func render(_ sentinel: SentinelState, _ context: PaneContext, in area: Rect, buffer: inout Buffer) {
        let columns = Layout.horizontal([.fill(1), .fill(1)]).split(area)
        group(sentinel, context, in: columns[0], buffer: &buffer)
        FailoverTimelineView.render(sentinel.timeline, context, in: columns[1], buffer: &buffer)
    }

    private static func group(_ sentinel: SentinelState, _ context: PaneContext, in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let confirmed: DisplayText = sentinel.primaryConfirmed ? "primary confirmed" : "NO PRIMARY CONFIRMED"
        var block = Block(title: "Sentinel \(sentinel.masterName)", titleRight: confirmed, theme: theme, symbols: context.symbols)
        if !sentinel.primaryConfirmed { block.borderStyle = theme.critical }
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        guard let overview = sentinel.overview, inner.height > 0 else {
            buffer.setString(inner.x + 1, inner.y, "reading the group…", style: theme.muted, maxWidth: inner.width - 1)
            return
        }
        var y = inner.y
        let width = inner.width - 1
        let flagsDown = overview.primaryObjectivelyDown || overview.primaryFlags.contains("s_down")
        var x = buffer.setString(inner.x + 1, y, "primary ", style: theme.muted, maxWidth: width)
        x = buffer.setString(x, y, "\(overview.primaryAddress)", style: sentinel.primaryConfirmed ? theme.ok.adding(.bold) : theme.critical.adding(.bold), maxWidth: inner.right - x)
        buffer.setString(x, y, "  flags \(overview.primaryFlags.joined(separator: ","))", style: flagsDown ? theme.critical : theme.text, maxWidth: inner.right - x)
        y += 1
        let quorumStyle = overview.quorumReachable ? theme.ok : theme.critical.adding(.bold)
        x = buffer.setString(inner.x + 1, y, "quorum \(overview.quorum.map(String.init) ?? "-"): ", style: theme.muted, maxWidth: width)
        buffer.setString(x, y, "\(overview.quorumMessage)", style: quorumStyle, maxWidth: inner.right - x)
        y += 1
        let following = overview.sentinels.filter { sentinel.listening.contains($0.address) }.count
        x = buffer.setString(inner.x + 1, y, "sentinels \(overview.sentinelsUp)/\(overview.sentinels.count) up, \(following) followed:", style: theme.muted, maxWidth: width)
        for peer in overview.sentinels where x < inner.right {
            let mark = peer.isUp ? context.symbols.check : context.symbols.cross
            x = buffer.setString(x, y, " \(mark) \(peer.address)\(peer.isUp ? "" : " DOWN")", style: peer.isUp ? theme.ok : theme.critical.adding(.bold), maxWidth: inner.right - x)
        }
        y += 1
        guard y < inner.bottom else { return }
        let header: DisplayText = "\(pad("REPLICA", 22)) \(pad("LINK", 5)) \(pad("LAG", 9)) \(pad("LAST I/O", 9)) FLAGS"
        buffer.setString(inner.x + 1, y, header, style: theme.muted.adding(.bold), maxWidth: width)
        y += 1
        for replica in overview.replicas where y < inner.bottom {
            let link = replica.linkStatus ?? "-"
            let lag = replica.lagBytes.map { Formatting.bytes(Double($0)) } ?? "-"
            let lastIO = replica.lastReplyMilliseconds.map { Formatting.milliseconds(Double($0) / 1000) } ?? "-"
            let style = replica.isDown || link == "err" ? theme.critical : ((replica.lagBytes ?? 0) > 1_048_576 ? theme.warn : theme.text)
            let line: DisplayText = "\(pad(replica.address, 22)) \(pad(link, 5)) \(pad(lag, 9)) \(pad(lastIO, 9)) \(replica.flags.joined(separator: ","))"
            buffer.setString(inner.x + 1, y, line, style: style, maxWidth: width)
            y += 1
        }
        if let error = sentinel.lastError, y < inner.bottom {
            buffer.setString(inner.x + 1, y, "last read: \(error)", style: theme.critical, maxWidth: width)
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
