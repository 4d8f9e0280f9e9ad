import Inspector
import TerminalUI

/// The node table: address, role, ops/s, hit %, memory %, evictions/s, clients, latency, with a
/// sparkline beside each rate. Breached thresholds and outliers take the theme's warn/critical.
/// In a narrow terminal columns give way in the order `columns` writes down (see `ColumnFit`),
/// the title says how many are hidden, and `→`/`←` scroll them in.
enum NodeTableView {
    /// Sparkline width in the table when there is room.
    static let sparkWidth = 12

    /// The table's columns, in order: header, width, alignment, and how it gives way in a
    /// narrow terminal. The node and its role are never dropped; sparklines shrink and go
    /// first, then the node's name is shortened, then CLIENTS, LATENCY, EVICT/S, MEM, HIT% and
    /// OPS/S go, in that order.
    static let columns: [(header: String, column: ColumnFit.Column, alignment: Alignment)] = [
        ("NODE", ColumnFit.Column(width: 20, fill: true), .left),  // width and minimum come from the labels
        ("ROLE", ColumnFit.Column(width: 7), .left),
        ("OPS/S", ColumnFit.Column(width: 7, dropRank: 10), .right),
        ("", ColumnFit.Column(width: sparkWidth, minimum: 5, dropRank: 4), .left),
        ("HIT%", ColumnFit.Column(width: 6, dropRank: 9), .right),
        ("", ColumnFit.Column(width: sparkWidth, minimum: 5, dropRank: 3), .left),
        ("MEM", ColumnFit.Column(width: 6, dropRank: 8), .right),
        ("", ColumnFit.Column(width: sparkWidth, minimum: 5, dropRank: 2), .left),
        ("EVICT/S", ColumnFit.Column(width: 7, dropRank: 7), .right),
        ("", ColumnFit.Column(width: sparkWidth, minimum: 5, dropRank: 1), .left),
        ("CLIENTS", ColumnFit.Column(width: 7, dropRank: 5), .right),
        ("LATENCY", ColumnFit.Column(width: 8, dropRank: 6), .right),
    ]

    /// The columns that hold sparklines (drawn after the text: ops/s, hit ratio, memory, evictions).
    static let sparklineColumns = [3, 5, 7, 9]

    /// The columns that fit `width` cells of table (the highlight marker included), with the
    /// node column as wide as the widest label.
    static func fit(labels: [NodeLabel], width: Int, scroll: Int, symbols: Symbols) -> ColumnFit {
        var specs = columns.map(\.column)
        let natural = max(4, labels.map(\.width).max() ?? 4)
        // The name is shortened (never dropped) once the sparklines are gone, before any figure.
        specs[0] = ColumnFit.Column(width: natural, minimum: max(4, labels.map(\.minimumWidth).max() ?? 4), fill: true, shrinksBeforeRank: 5)
        return ColumnFit(specs, available: width - symbols.highlight.width, spacing: 1, scroll: scroll)
    }

    /// The fit the overview draws now (the update asks it whether `→` has anything to show).
    static func fit(_ overview: OverviewState, _ fleet: FleetHealth, _ context: PaneContext) -> ColumnFit {
        let labels = fleet.visible.map { NodeLabel(fleet.nodes[$0], context) }
        return fit(labels: labels, width: context.width - 2, scroll: overview.columnScroll, symbols: context.symbols)
    }

    static func render(_ overview: OverviewState, _ fleet: FleetHealth, _ context: PaneContext, indices: [Int], in area: Rect, buffer: inout Buffer, table tableState: inout TableState) {
        let theme = context.theme
        let labels = indices.map { NodeLabel(fleet.nodes[$0], context) }
        let fit = fit(labels: labels, width: max(0, area.width - 2), scroll: overview.columnScroll, symbols: context.symbols)
        let note = fit.note(symbols: context.symbols)
        let block = Block(
            title: "Nodes", titleRight: "\(note.isEmpty ? "" : note + " · ")interval \(Formatting.duration(context.interval))", focused: true, theme: theme, symbols: context.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        let medianLatency = median(indices.compactMap { fleet.nodes[$0].latest?.latency })
        let nameWidth = fit.shown.first == 0 ? fit.widths[0] : 0
        let cores = NodeLabel.cores(of: labels)
        var rows = indices.indices.map { i in
            row(for: fleet.nodes[indices[i]], label: labels[i].line(width: nameWidth, core: cores[i]), overview: overview, fleet: fleet, context: context, medianLatency: medianLatency)
        }
        if let total = ClusterTotalRow.row(overview, fleet, context, indices: indices) { rows.append(total) }
        let table = Table(
            rows: rows.map { row in Table.Row(fit.shown.map { i in i < row.cells.count ? row.cells[i] : Line("") }, style: row.style) },
            widths: fit.widths.map { .length($0) },
            header: Table.Row(fit.shown.map { Line(DisplayText(sanitizing: columns[$0].header)) }),
            alignments: fit.shown.map { columns[$0].alignment },
            style: theme.text, headerStyle: theme.muted.adding(.bold), highlightStyle: theme.selection,
            highlightSymbol: context.symbols.highlight, symbols: context.symbols
        )
        table.render(in: inner, buffer: &buffer, state: &tableState)
        // Sparklines go into their columns after the text, row by row.
        let rects = table.columnRects(in: inner)
        let visible = table.visibleRows(in: inner)
        for (offset, index) in indices.enumerated().dropFirst(tableState.offset).prefix(visible) {
            let node = fleet.nodes[index]
            let y = inner.y + 1 + offset - tableState.offset
            if case .down(let since, let error) = node.reachability, rects.count > 2 {
                // A down node has no figures: its row says since when and why instead.
                let text: DisplayText = "for \(Formatting.duration(max(0, context.now - since))): \(error)"
                buffer.setString(rects[2].x, y, text, style: theme.critical, maxWidth: inner.right - rects[2].x)
                continue
            }
            for (position, column) in fit.shown.enumerated() where sparklineColumns.contains(column) {
                let width = rects[position].width
                let data: [Double?]
                var max: Double? = nil
                switch column {
                case 3: data = node.series(last: width) { $0.opsPerSecond }
                case 5:
                    data = node.series(last: width) { $0.hitRatio }
                    max = 1
                case 7:
                    data = node.series(last: width) { $0.memoryFraction ?? $0.usedMemory }
                    max = node.latest?.maxMemory == nil ? nil : 1
                default: data = node.series(last: width) { $0.evictionsPerSecond }
                }
                let rect = Rect(x: rects[position].x, y: y, width: width, height: 1)
                Sparkline(data.map { $0 ?? 0 }, max: max, theme: theme, symbols: context.symbols).render(in: rect, buffer: &buffer)
            }
        }
    }

    /// A node's cells, every column (the fit picks the shown ones); `address` is its label.
    static func row(for node: NodeHealth, label address: Line, overview: OverviewState, fleet: FleetHealth, context: PaneContext, medianLatency: Double?) -> Table.Row {
        let theme = context.theme
        if case .down(let since, let error) = node.reachability {
            _ = (since, error)  // drawn across the figure columns after the table (see render)
            return Table.Row([address, Line(Span("DOWN", style: theme.critical.adding(.bold)))], style: theme.critical)
        }
        guard let sample = node.latest else {
            return Table.Row([address, Line(Span("connecting…", style: theme.muted))])
        }
        let rates = node.rates
        let hit = rates?.hitRatio ?? sample.lifetimeHitRatio
        let hitStyle = hit.map { $0 < 0.8 ? theme.critical : ($0 < 0.9 ? theme.warn : theme.ok) } ?? theme.muted
        let memoryText: DisplayText
        var memoryStyle = theme.text
        if let fraction = sample.memoryFraction {
            memoryText = "\(Formatting.percent(fraction, decimals: 0))"
            memoryStyle = theme.level(fraction, warnAt: 0.75, criticalAt: 0.9)
        } else {
            memoryText = "\(Formatting.bytes(Double(sample.usedMemory)))"
        }
        let evictions = rates?.evictionsPerSecond
        let evictionStyle = evictions.map { $0 > 10 ? theme.critical : ($0 > 0 ? theme.warn : theme.text) } ?? theme.muted
        var latencyStyle = theme.text
        if let median = medianLatency, fleet.visible.count > 2, sample.latency > 3 * median, sample.latency > 0.002 {
            latencyStyle = theme.warn  // an outlier among its peers
        }
        if sample.latency > 0.1 { latencyStyle = theme.critical }
        var role: Line = sample.role == "master" ? "primary" : (sample.role == "slave" ? "replica" : "\(sample.role)")
        var latency = Line(Span("\(Formatting.milliseconds(sample.latency))", style: latencyStyle))
        if let silent = silence(of: sample, overview: overview, fleet: fleet, context: context) {
            // Blocked (DEBUG SLEEP, CLIENT PAUSE, a long script): the sample is still waiting.
            // Say so rather than show the last figures as if they were current.
            role = Line(Span("SLOW", style: theme.critical.adding(.bold)))
            latency = Line(Span(">\(Formatting.duration(silent))", style: theme.critical))
        }
        return Table.Row([
            address,
            role,
            "\(rates.map { Formatting.number($0.opsPerSecond) } ?? "…")",
            Line(""),
            Line(Span("\(hit.map { Formatting.percent($0) } ?? "-")", style: hitStyle)),
            Line(""),
            Line(Span(memoryText, style: memoryStyle)),
            Line(""),
            Line(Span("\(evictions.map(Formatting.number) ?? "…")", style: evictionStyle)),
            Line(""),
            "\(sample.connectedClients)",
            latency,
        ])
    }

    /// Seconds since the node's last answer when that is well past the sampling interval
    /// (three intervals, at least 2.5 s), else nil.
    static func silence(of sample: NodeSample, overview: OverviewState, fleet: FleetHealth, context: PaneContext) -> Double? {
        let silent = context.now - sample.time
        return silent > max(3 * context.interval, 2.5) ? silent : nil
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
