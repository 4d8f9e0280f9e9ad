import Inspector
import TerminalUI

/// The node table: address, role, ops/s, hit %, memory %, evictions/s, clients, latency, with a
/// sparkline beside each rate. Breached thresholds and outliers take the theme's warn/critical.
enum NodeTableView {
    /// Sparkline width in the table.
    static let sparkWidth = 12

    static func render(_ overview: OverviewState, _ fleet: FleetHealth, _ context: PaneContext, indices: [Int], in area: Rect, buffer: inout Buffer, table tableState: inout TableState) {
        let theme = context.theme
        let block = Block(title: "Nodes", titleRight: "interval \(Formatting.duration(context.interval))", focused: true, theme: theme, symbols: context.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        let medianLatency = median(indices.compactMap { fleet.nodes[$0].latest?.latency })
        var rows = indices.map { row(for: fleet.nodes[$0], overview: overview, fleet: fleet, context: context, medianLatency: medianLatency) }
        if let total = ClusterTotalRow.row(overview, fleet, context, indices: indices) { rows.append(total) }
        let table = Table(
            rows: rows,
            widths: [.fill(1), .length(7), .length(7), .length(sparkWidth), .length(6), .length(sparkWidth), .length(6), .length(sparkWidth), .length(7), .length(sparkWidth), .length(7), .length(8)],
            header: Table.Row(["NODE", "ROLE", "OPS/S", "", "HIT%", "", "MEM", "", "EVICT/S", "", "CLIENTS", "LATENCY"]),
            alignments: [.left, .left, .right, .left, .right, .left, .right, .left, .right, .left, .right, .right],
            style: theme.text, headerStyle: theme.muted.adding(.bold), highlightStyle: theme.selection,
            highlightSymbol: context.symbols.highlight, symbols: context.symbols
        )
        table.render(in: inner, buffer: &buffer, state: &tableState)
        // Sparklines go into their columns after the text, row by row.
        let columns = table.columnRects(in: inner)
        let visible = table.visibleRows(in: inner)
        for (offset, index) in indices.enumerated().dropFirst(tableState.offset).prefix(visible) {
            let node = fleet.nodes[index]
            let y = inner.y + 1 + offset - tableState.offset
            if case .down(let since, let error) = node.reachability, columns.count > 2 {
                // A down node has no figures: its row says since when and why instead.
                let text: DisplayText = "for \(Formatting.duration(max(0, context.now - since))): \(error)"
                buffer.setString(columns[2].x, y, text, style: theme.critical, maxWidth: inner.right - columns[2].x)
                continue
            }
            let series: [(Int, [Double], Double?)] = [
                (3, node.series(last: sparkWidth, \.opsPerSecond).map { $0 ?? 0 }, nil),
                (5, node.series(last: sparkWidth, \.hitRatio).map { $0 ?? 0 }, 1),
                (7, node.series(last: sparkWidth) { $0.memoryFraction ?? $0.usedMemory }.map { $0 ?? 0 }, node.latest?.maxMemory == nil ? nil : 1),
                (9, node.series(last: sparkWidth, \.evictionsPerSecond).map { $0 ?? 0 }, nil),
            ]
            for (column, data, max) in series where column < columns.count {
                let rect = Rect(x: columns[column].x, y: y, width: columns[column].width, height: 1)
                Sparkline(data, max: max, theme: theme, symbols: context.symbols).render(in: rect, buffer: &buffer)
            }
        }
    }

    static func row(for node: NodeHealth, overview: OverviewState, fleet: FleetHealth, context: PaneContext, medianLatency: Double?) -> Table.Row {
        let theme = context.theme
        let name = DisplayText(sanitizing: node.address)
        var address = Line(name)
        if let member = context.cluster?.node(node.address) {
            // Cluster mode: the slots a primary serves, or that the cluster marked the node failed.
            if member.health == .failed {
                address = Line([Span(name), Span(" failed", style: theme.critical)])
            } else if member.role == .primary {
                address = Line([Span(name), Span(" \(member.slots) slots", style: theme.muted)])
            }
        }
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
