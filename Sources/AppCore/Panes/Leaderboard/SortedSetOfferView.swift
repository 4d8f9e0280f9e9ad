import Inspector
import TerminalUI

/// The leaderboard with nothing watched: the sorted sets the keys index found, biggest first,
/// with member count and memory; Enter watches the selected one. Until the index has any, it
/// says it is looking.
enum SortedSetOfferView {
    static func render(_ leaderboard: LeaderboardState, _ context: PaneContext, in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let candidates = leaderboard.candidates
        let count: DisplayText = candidates.map { "\($0.total) sorted set\($0.total == 1 ? "" : "s")\($0.complete ? "" : " so far")" } ?? .empty
        let block = Block(title: "Leaderboard: nothing watched", titleRight: count.isEmpty ? nil : count, focused: true, theme: theme, symbols: context.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        guard inner.height > 0 else { return }
        guard let candidates, !candidates.entries.isEmpty else {
            let text: DisplayText =
                candidates?.complete == true
                ? "No sorted set in the keyspace. :zset KEY watches one by name."
                : "Looking for sorted sets in the keyspace… (:zset KEY watches one by name)"
            buffer.setString(inner.x + 1, inner.y, text, style: theme.muted, maxWidth: max(0, inner.width - 1))
            return
        }
        buffer.setString(inner.x + 1, inner.y, "Biggest first. Enter watches one; :zset KEY any other.", style: theme.muted, maxWidth: max(0, inner.width - 1))
        let tableArea = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 1))
        let rows = candidates.entries.map { entry in
            Table.Row([
                Line(DisplayText(ServerBytes(entry.key))),
                Line(Span("\(entry.members.map { Formatting.number(Double($0)) } ?? "…")", style: entry.members == nil ? theme.muted : theme.text)),
                "\(Formatting.bytes(Double(entry.memory)))",
            ])
        }
        var table = leaderboard.table
        Table(
            rows: rows, widths: [.fill(1), .length(9), .length(9)], header: Table.Row(["KEY", "MEMBERS", "MEMORY"]),
            alignments: [.left, .right, .right], style: theme.text, headerStyle: theme.muted.adding(.bold), highlightStyle: theme.selection,
            highlightSymbol: context.symbols.highlight, symbols: context.symbols
        ).render(in: tableArea, buffer: &buffer, state: &table)
    }
}
