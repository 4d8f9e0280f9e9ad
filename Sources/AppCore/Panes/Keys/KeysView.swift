import Inspector
import TerminalUI

/// Pane 2: the scan's progress, the namespace tree (or flat list) with type, TTL, memory, key
/// counts and keys without TTL per prefix, and the open key's value beside it.
enum KeysView {
    static func render(_ keys: KeysState, _ context: PaneContext, in area: Rect, buffer: inout Buffer) {
        let rows = Layout.vertical([.length(1), .fill(1)]).split(area)
        renderHeader(keys, context, in: rows[0], buffer: &buffer)
        if let opened = keys.opened {
            let columns = Layout.horizontal([.percentage(45), .fill(1)]).split(rows[1])
            renderList(keys, context, in: columns[0], buffer: &buffer, compact: true)
            KeyValueView.render(keys, context, opened, in: columns[1], buffer: &buffer)
        } else {
            renderList(keys, context, in: rows[1], buffer: &buffer, compact: false)
        }
    }

    static func renderHeader(_ keys: KeysState, _ context: PaneContext, in row: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let keys = keys
        if let input = keys.filterInput {
            var line = input
            InputLine(prompt: "/", style: theme.text, promptStyle: theme.accent, cursorStyle: theme.selection.adding(.reverse))
                .render(in: row, buffer: &buffer, state: &line)
            return
        }
        var spans: [Span] = []
        let p = keys.progress
        switch p.phase {
        case .idle:
            spans.append(Span(" not scanned yet", style: theme.muted))
        case .scanning where keys.showsEstimates:
            if let picture = keys.clusterPicture {
                let sampled = Formatting.percent(picture.estimates.visitedFraction, decimals: picture.estimates.visitedFraction < 0.1 ? 1 : 0)
                spans.append(Span(" scanning \(p.keysIndexed) keys node by node · estimates from \(sampled) sampled across every shard", style: theme.accent))
            } else {
                let visited = Formatting.percent(p.visitedFraction ?? 0, decimals: 0)
                spans.append(Span(" scanning: \(visited) of the keyspace visited · \(Formatting.number(p.keysPerSecond)) keys/s", style: theme.accent))
            }
            if p.isThrottled { spans.append(Span(" · slowed: server latency up", style: theme.warn)) }
        case .scanning:
            let total = p.expectedKeys > 0 ? " / \(p.expectedKeys)" : ""
            let percent = p.expectedKeys > 0 ? " (\(Formatting.percent(p.fraction, decimals: 0)))" : ""
            spans.append(Span(" scanning \(p.keysIndexed)\(total) keys\(percent) · \(Formatting.number(p.keysPerSecond)) keys/s", style: theme.accent))
            if p.isThrottled { spans.append(Span(" · slowed: server latency up", style: theme.warn)) }
        case .finished where keys.showsEstimates:
            func share(_ value: Double) -> String { Formatting.percent(value, decimals: value < 0.1 ? 1 : 0) }
            let held = p.sampleRate < 1 ? "the index holds a \(share(p.sampleRate)) sample (index_budget_mb)" : "\(p.keysIndexed) keys indexed"
            let lookups = p.lookupRate < 1 ? " · TTL and memory from \(share(p.lookupRate)) looked up" : ""
            spans.append(Span(" walked in \(Formatting.duration(p.elapsed)) · \(held)\(lookups)", style: theme.ok))
        case .finished:
            spans.append(Span(" \(p.keysIndexed) keys indexed in \(Formatting.duration(p.elapsed))", style: theme.ok))
        case .cancelled:
            spans.append(Span(" scan stopped at \(p.keysIndexed) keys", style: theme.warn))
        case .failed(let message):
            spans.append(Span(" scan failed: \(message)", style: theme.critical))
        }
        if let total = keys.totalFigures, !total.isExact {
            let memory = total.memory.map { Formatting.estimate($0, Formatting.bytes) } ?? "…"
            let withoutTTL = total.withoutTTL.map { Formatting.estimate($0, Formatting.number) } ?? "…"
            spans.append(Span(" · \(Formatting.estimate(total.keys, Formatting.number)) keys · \(memory) · \(withoutTTL) without TTL", style: theme.text))
        } else if let view = keys.view {
            spans.append(Span(" · \(view.count) shown · \(Formatting.bytes(Double(view.totalMemory))) · \(view.persistentCount) without TTL", style: theme.text))
        }
        if let prefix = keys.prefixScan { spans.append(Span(" · walking \(ServerBytes(prefix))* alone (Esc: all)", style: theme.warn)) }
        if !keys.filterText.isEmpty { spans.append(Span(" · filter \(KeysState.glob(for: keys.filterText))", style: theme.warn)) }
        if let type = keys.typeFilter { spans.append(Span(" · type \(type)", style: theme.warn)) }
        spans.append(Span(" · sort \(KeysUpdate.sortName(keys.sort)) · \(keys.mode == .tree ? "tree" : "list")", style: theme.muted))
        if keys.spansCluster, let cluster = context.cluster {
            spans.append(Span(" · cluster: \(cluster.primaryCount) primaries", style: theme.muted))
        } else if let node = keys.node, context.addresses.indices.contains(node), context.addresses.count > 1 {
            spans.append(Span(" · node \(node + 1) \(context.address(node))", style: theme.muted))
        }
        var line = Line(spans)
        line.fit(to: row.width, ellipsis: context.symbols.ellipsis)
        line.render(in: row, buffer: &buffer)
    }

    static func renderList(_ keys: KeysState, _ context: PaneContext, in area: Rect, buffer: inout Buffer, compact: Bool) {
        let theme = context.theme
        let keys = keys
        let title: DisplayText = keys.mode == .tree ? "Keyspace" : "Keys"
        let inner = Block(title: title, theme: theme, symbols: context.symbols).inner(area)
        guard inner.height > 1 else { return }
        var tableState = keys.table
        let visible = inner.height - 1
        tableState.scrollToSelection(visibleRows: visible, count: keys.listing.count)
        let offset = tableState.offset
        let count = keys.listing.count
        let end = min(count, offset + visible)
        var rows: [Table.Row] = []
        if offset < end {
            switch keys.listing {
            case .tree(let all):
                for row in all[offset..<end] { rows.append(treeRow(row, keys, context)) }
            case .flat(let list):
                for entry in list.page(offset: offset, limit: end - offset) { rows.append(keyRow(entry, keys, context)) }
            }
        }
        // The table sees only the visible slice, so its own state is relative to the slice.
        var sliceState = TableState(selected: tableState.selected.map { $0 - offset }, offset: 0)
        // While figures are estimates, KEYS carries its 95% margin beside it (±).
        let margin = !compact && keys.showsEstimates
        let widths: [Constraint] =
            compact
            ? [.fill(1), .length(6), .length(8), .length(8)]
            : [.fill(1), .length(6), .length(10), .length(9), .length(9)] + (margin ? [.length(7)] : []) + [.length(8)]
        let header =
            compact
            ? Table.Row(["NAME", "TYPE", "TTL", "MEMORY"])
            : Table.Row(["NAME", "TYPE", "TTL", "MEMORY", "KEYS"] + (margin ? ["±95%"] : []) + ["NO TTL"])
        // The name is never dropped; the counts go first (NO TTL, then the ± margin, then KEYS), then type, TTL and memory.
        let table = Table(
            rows: margin ? rows.map(Self.withMarginColumn) : rows, widths: widths, header: header,
            alignments: [.left, .left, .right, .right, .right, .right, .right],
            style: theme.text, headerStyle: theme.muted.adding(.bold), highlightStyle: theme.selection, symbols: context.symbols
        ).dropping(compact ? [nil, 1, 2, 3] : margin ? [nil, 4, 5, 6, 3, 2, 1] : [nil, 3, 4, 5, 2, 1], fillMinimum: 16)
        let hidden = table.hiddenColumns(in: inner)
        var rowCount: DisplayText = "\(keys.listing.count) rows\(hidden > 0 ? " · +\(hidden) cols" : "")"
        if hidden > 0, title.width + rowCount.width + 6 > area.width { rowCount = "+\(hidden) cols" }
        Block(title: title, titleRight: rowCount, focused: keys.opened == nil, theme: theme, symbols: context.symbols).render(in: area, buffer: &buffer)
        table.render(in: inner, buffer: &buffer, state: &sliceState)
        if rows.isEmpty, keys.progress.phase != .scanning {
            buffer.setString(inner.x + 1, inner.y + 1, keys.view == nil ? "waiting for the first keys…" : "no keys match", style: theme.muted)
        }
    }

    static func treeRow(_ row: KeyRow, _ keys: KeysState, _ context: PaneContext) -> Table.Row {
        let theme = context.theme
        let indent = DisplayText(repeating: "  ", count: row.depth)
        switch row.kind {
        case .more(let count):
            return Table.Row([Line(Span("\(indent)  … and \(count) more (narrow with /)", style: theme.muted))])
        case .other(_, let count, let hidden):
            // Counted names: exact once the walk completed, weighed up by the share walked before.
            let fraction = keys.walkFraction ?? 1
            let figure = fraction >= 1 ? Estimate(exact: Double(count)) : Estimate(count: Double(count), fraction: fraction)
            let name = Line(Span("\(indent)  other (smaller folders)", style: theme.muted))
            let value: Line = "\(Formatting.estimateValue(figure, Formatting.number))"
            let (memory, withoutTTL) = otherFigures(hidden, keys)
            let memoryLine: Line = "\(memory.map { Formatting.estimateValue($0, Formatting.bytes) } ?? "")"
            let withoutTTLLine: Line = "\(withoutTTL.map { Formatting.estimateValue($0, Formatting.number) } ?? "")"
            guard !figure.isExact else { return Table.Row([name, Line(""), Line(""), memoryLine, value, withoutTTLLine]) }
            return Table.Row([name, Line(""), Line(""), memoryLine, value, Line(Span("\(Formatting.estimateMargin(figure))", style: theme.muted)), withoutTTLLine])
        case .node(let node):
            if case .folder(let prefix) = node.kind {
                let marker = keys.expanded.contains(prefix) ? context.symbols.treeExpanded : context.symbols.treeCollapsed
                let name: DisplayText = "\(ServerBytes(node.name))\(Character(UnicodeScalar(keys.view?.delimiter ?? 58)))"
                let noTTLStyle = node.persistentCount > 0 && node.persistentCount * 2 < node.keyCount ? theme.warn : theme.text
                let nameLine = Line([Span("\(indent)\(marker) ", style: theme.accent), Span(name, style: theme.text.adding(.bold))])
                if let figures = keys.figures(ofPrefix: prefix), !figures.isExact {
                    return Table.Row([
                        nameLine, Line(""), Line(""),
                        "\(figures.memory.map { Formatting.estimateValue($0, Formatting.bytes) } ?? "…")",
                        "\(Formatting.estimateValue(figures.keys, Formatting.number))",
                        Line(Span("\(Formatting.estimateMargin(figures.keys))", style: theme.muted)),
                        Line(Span("\(figures.withoutTTL.map { Formatting.estimateValue($0, Formatting.number) } ?? "…")", style: noTTLStyle)),
                    ])
                }
                return Table.Row([
                    nameLine, Line(""), Line(""),
                    "\(Formatting.bytes(Double(node.memory)))",
                    "\(node.keyCount)",
                    Line(Span("\(node.persistentCount)", style: noTTLStyle)),
                ])
            }
            var name = [Span("\(indent)\(context.symbols.treeLeaf) ", style: theme.muted), Span(DisplayText(ServerBytes(node.name)))]
            if case .key(let id) = node.kind, let view = keys.view, let note = keys.fieldExpiry[view.index.key(id)] {
                name.append(Span("  \(note)", style: theme.warn))
            }
            return Table.Row([
                Line(name),
                Line(Span("\(node.type)", style: theme.style(forRedisType: node.type.description))),
                ttlLine(node.ttl, keys, context),
                "\(Formatting.bytes(Double(node.memory)))",
                Line(""), Line(""),
            ])
        }
    }

    /// The `other` row's memory and keys without TTL: the sample's estimates of the folders it
    /// stands for, summed (variances added); nil when the sample holds none of them.
    static func otherFigures(_ hidden: [[UInt8]], _ keys: KeysState) -> (memory: Estimate?, withoutTTL: Estimate?) {
        var sums = (memory: 0.0, memoryVariance: 0.0, withoutTTL: 0.0, withoutTTLVariance: 0.0)
        var any = false
        func variance(_ e: Estimate) -> Double {
            let half = (e.high - e.low) / 2 / Estimate.z95
            return half.isFinite ? half * half : 0
        }
        for prefix in hidden {
            guard let figures = keys.figures(ofPrefix: prefix), let memory = figures.memory, let withoutTTL = figures.withoutTTL else { continue }
            any = true
            sums.memory += memory.value
            sums.memoryVariance += variance(memory)
            sums.withoutTTL += withoutTTL.value
            sums.withoutTTLVariance += variance(withoutTTL)
        }
        guard any else { return (nil, nil) }
        return (
            Estimate(value: sums.memory, variance: sums.memoryVariance, seen: 0),
            Estimate(value: sums.withoutTTL, variance: sums.withoutTTLVariance, seen: 0)
        )
    }

    /// An empty ± cell for a row that has none (a key, an exact folder): estimated folder rows
    /// carry their margin after KEYS.
    static func withMarginColumn(_ row: Table.Row) -> Table.Row {
        guard row.cells.count == 6 else { return row }
        var cells = row.cells
        cells.insert(Line(""), at: 5)
        return Table.Row(cells, style: row.style)
    }

    static func keyRow(_ entry: KeyEntry, _ keys: KeysState, _ context: PaneContext) -> Table.Row {
        Table.Row([
            Line([Span(DisplayText(ServerBytes(entry.key)))] + (keys.fieldExpiry[entry.key].map { [Span("  \($0)", style: context.theme.warn)] } ?? [])),
            Line(Span("\(entry.type)", style: context.theme.style(forRedisType: entry.type.description))),
            ttlLine(entry.ttl, keys, context),
            "\(Formatting.bytes(Double(entry.memory)))",
            Line(""), Line(""),
        ])
    }

    static func ttlLine(_ ttl: KeyTTL, _ keys: KeysState, _ context: PaneContext) -> Line {
        switch ttl {
        case .unknown: return Line(Span("…", style: context.theme.muted))
        case .persistent: return Line(Span("none", style: context.theme.muted))
        case .expires:
            let ms = ttl.remainingMilliseconds(at: context.wallMilliseconds) ?? 0
            return ms < 1000 ? "expiring" : "\(Formatting.duration(Double(ms) / 1000))"
        }
    }
}
