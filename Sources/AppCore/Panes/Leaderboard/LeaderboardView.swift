import Foundation
import Inspector
import TerminalUI

/// Pane 3: a watched sorted set moving live. A strip of the top movers, then the table: rank,
/// movement, member, score, change since the last refresh and per minute. ZCARD in the title.
enum LeaderboardView {
    static func render(_ leaderboard: LeaderboardState, _ context: PaneContext, in area: Rect, buffer: inout Buffer) {
        let rows = Layout.vertical([.length(1), .length(3), .fill(1)]).split(area)
        renderHeader(leaderboard, context, in: rows[0], buffer: &buffer)
        guard let active = leaderboard.active else {
            SortedSetOfferView.render(leaderboard, context, in: Rect(x: area.x, y: rows[1].y, width: area.width, height: area.bottom - rows[1].y), buffer: &buffer)
            return
        }
        renderMovers(leaderboard, context, active, in: rows[1], buffer: &buffer)
        renderTable(leaderboard, context, active, in: rows[2], buffer: &buffer)
    }

    static func renderHeader(_ leaderboard: LeaderboardState, _ context: PaneContext, in row: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let board = leaderboard
        if let input = board.findInput {
            var line = input
            InputLine(prompt: "find member: ", style: theme.text, promptStyle: theme.accent, cursorStyle: theme.selection.adding(.reverse))
                .render(in: row, buffer: &buffer, state: &line)
            return
        }
        var spans: [Span] = []
        if let active = board.active {
            spans.append(Span(" \(active.order == .descending ? "highest first" : "lowest first")", style: theme.text))
            spans.append(Span(" · top \(board.limit) read every \(Formatting.duration(context.interval))", style: theme.muted))
            if board.watched.count > 1 { spans.append(Span(" · set \(board.current + 1) of \(board.watched.count) (n next)", style: theme.accent)) }
            if context.addresses.count > 1, context.addresses.indices.contains(active.node) {
                spans.append(Span(" · node \(active.node + 1) \(context.address(active.node))", style: theme.muted))
            }
            if let latest = active.history.latest {
                let age = max(0, context.now - latest.time)
                spans.append(Span(" · updated \(age < 1.5 ? "now" : Formatting.duration(age) + " ago")", style: theme.muted))
            }
            if let error = active.error { spans.append(Span(" · refresh failed: \(error)", style: theme.critical)) }
        }
        var line = Line(spans)
        line.fit(to: row.width, ellipsis: context.symbols.ellipsis)
        line.render(in: row, buffer: &buffer)
    }

    static func renderMovers(_ leaderboard: LeaderboardState, _ context: PaneContext, _ active: WatchedSortedSet, in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let block = Block(title: "Top movers (last refresh)", theme: theme, symbols: context.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        guard inner.height > 0 else { return }
        let movers = active.history.topMovers
        var spans: [Span] = []
        if movers.isEmpty {
            spans.append(Span(active.history.snapshots.count < 2 ? "waiting for a second refresh…" : "no score changed", style: theme.muted))
        }
        for (i, row) in movers.enumerated() {
            if i > 0 { spans.append(Span("  \(context.symbols.separator)  ", style: theme.border)) }
            spans.append(Span(DisplayText(ServerBytes(row.member)), style: theme.text.adding(.bold)))
            spans.append(Span(" \(signed(row.deltaSinceLast ?? 0))", style: (row.deltaSinceLast ?? 0) >= 0 ? theme.ok : theme.critical))
            let movement = movementSpan(row.movement, leaderboard, context)
            if !movement.text.isEmpty {
                spans.append(Span(" "))
                spans.append(movement)
            }
        }
        var line = Line(spans)
        line.fit(to: inner.width - 1, ellipsis: context.symbols.ellipsis)
        line.render(in: Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 1), height: 1), buffer: &buffer)
    }

    static func renderTable(_ leaderboard: LeaderboardState, _ context: PaneContext, _ active: WatchedSortedSet, in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let history = active.history
        let name = DisplayText(ServerBytes(active.key))
        var titleRight = DisplayText.empty
        if let latest = history.latest, latest.status == .sortedSet {
            titleRight = "\(latest.cardinality) members"
        }
        let hidden = columns.hiddenColumns(in: Block(title: name, theme: theme, symbols: context.symbols).inner(area))
        if hidden > 0 { titleRight = titleRight.isEmpty ? "+\(hidden) cols" : "\(titleRight) · +\(hidden) cols" }
        let block = Block(title: name, titleRight: titleRight, focused: true, theme: theme, symbols: context.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        guard inner.height > 1 else { return }
        let message: (DisplayText, Style)?
        switch history.latest?.status {
        case nil: message = active.error == nil ? ("loading…", theme.muted) : nil
        case .gone?: message = ("key gone: \(name) does not exist (deleted or expired); still watching", theme.warn)
        case .wrongType(let type)?: message = ("not a sorted set any more: \(name) is now a \(type)", theme.critical)
        case .sortedSet?: message = history.rows.isEmpty ? ("the sorted set is empty", theme.muted) : nil
        }
        let rows = history.rows.map { row -> Table.Row in
            Table.Row([
                "\(row.rank)",
                Line(movementSpan(row.movement, leaderboard, context)),
                Line(DisplayText(ServerBytes(row.member))),
                "\(score(row.score))",
                Line(row.deltaSinceLast.map { Span("\(signed($0))", style: $0 > 0 ? theme.ok : ($0 < 0 ? theme.critical : theme.muted)) } ?? Span("", style: theme.muted)),
                Line(row.deltaPerMinute.map { Span("\(signed(rounded($0)))", style: $0 == 0 ? theme.muted : theme.text) } ?? Span("")),
            ])
        }
        var tableState = leaderboard.table
        var table = columns
        table.rows = rows
        table.style = theme.text
        table.headerStyle = theme.muted.adding(.bold)
        table.highlightStyle = theme.selection
        table.symbols = context.symbols
        table.render(in: inner, buffer: &buffer, state: &tableState)
        if case let (text, style)? = message {
            buffer.setString(inner.x + 1, inner.y + 1, text, style: style, maxWidth: max(0, inner.width - 1))
        }
    }

    /// The table's columns; in a narrow terminal Δ/MIN, Δ/REFRESH, then MOVE go (the member,
    /// its rank and score stay).
    static let columns = Table(
        rows: [], widths: [.length(6), .length(5), .fill(1), .length(14), .length(12), .length(12)],
        header: Table.Row(["RANK", "MOVE", "MEMBER", "SCORE", "Δ/REFRESH", "Δ/MIN"]),
        alignments: [.right, .left, .left, .right, .right, .right]
    ).dropping([nil, 3, nil, nil, 2, 1], fillMinimum: 14)

    /// `↑3` green, `↓1` red, `new` accent, `=` muted.
    static func movementSpan(_ movement: RankMovement, _ leaderboard: LeaderboardState, _ context: PaneContext) -> Span {
        let theme = context.theme
        switch movement {
        case .up(let n): return Span("\(context.symbols.arrowUp)\(n)", style: theme.ok.adding(.bold))
        case .down(let n): return Span("\(context.symbols.arrowDown)\(n)", style: theme.critical)
        case .new: return Span("new", style: theme.accent)
        case .unchanged: return Span("=", style: theme.muted)
        case .unknown: return Span("")
        }
    }

    /// A score as Redis would print it, without a trailing `.0` for whole numbers.
    static func score(_ value: Double) -> String {
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.6g", value)
    }

    /// A rate rounded for reading: whole numbers from 100 up, one decimal below.
    static func rounded(_ value: Double) -> Double {
        abs(value) >= 100 ? value.rounded() : (value * 10).rounded() / 10
    }

    /// A change with its sign: `+50`, `-2.5`, `0`.
    static func signed(_ value: Double) -> String {
        let text = abs(value) >= 1_000_000 ? Formatting.number(abs(value)) : score(abs(value))
        return value > 0 ? "+" + text : (value < 0 ? "-" + text : "0")
    }
}
