import Foundation
import Inspector
import TerminalUI

/// Pane 5: the current node's slow log, clients, per-command totals and latency spikes. Wide
/// terminals show all four at once (the focused one highlighted); narrow ones the focused one.
enum ServerView {
    static func render(_ server: ServerState, _ context: PaneContext, in area: Rect, buffer: inout Buffer) {
        let rows = Layout.vertical([.length(1), .fill(1)]).split(area)
        renderHeader(server, context, in: rows[0], buffer: &buffer)
        let body = rows[1]
        if body.width >= 100 && body.height >= 16 {
            let halves = Layout.vertical([.percentage(50), .fill(1)]).split(body)
            let top = Layout.horizontal([.percentage(server.section == .replication ? 40 : 62), .fill(1)]).split(halves[0])
            // The clients table needs room for names and sums when it has the focus.
            let bottom = Layout.horizontal([.percentage(server.section == .clients ? 68 : 58), .fill(1)]).split(halves[1])
            renderSection(.slowlog, server, context, in: top[0], buffer: &buffer)
            // Replication shares the latency box when the node has replicas or is one.
            if server.showsReplication || server.section == .replication {
                let right = Layout.vertical([.percentage(45), .fill(1)]).split(top[1])
                renderSection(.latency, server, context, in: right[0], buffer: &buffer)
                renderSection(.replication, server, context, in: right[1], buffer: &buffer)
            } else {
                renderSection(.latency, server, context, in: top[1], buffer: &buffer)
            }
            renderSection(.clients, server, context, in: bottom[0], buffer: &buffer)
            // In a cluster, the hot slots share the commands box.
            if server.showsHotSlots {
                let right = Layout.vertical([.percentage(50), .fill(1)]).split(bottom[1])
                renderSection(.commands, server, context, in: right[0], buffer: &buffer)
                renderSection(.slots, server, context, in: right[1], buffer: &buffer)
            } else {
                renderSection(.commands, server, context, in: bottom[1], buffer: &buffer)
            }
        } else {
            renderSection(server.section, server, context, in: body, buffer: &buffer)
        }
    }

    static func renderHeader(_ server: ServerState, _ context: PaneContext, in row: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let server = server
        var spans: [Span] = []
        let node = server.node ?? context.currentNode
        if context.addresses.indices.contains(node) {
            spans.append(Span(" node \(node + 1) \(context.address(node))", style: theme.text.adding(.bold)))
        }
        if let updated = server.updatedAt {
            let age = max(0, context.now - updated)
            spans.append(Span(" · updated \(age < 1.5 ? "now" : Formatting.duration(age) + " ago")", style: theme.muted))
        } else if server.error == nil {
            spans.append(Span(" · loading…", style: theme.muted))
        }
        if let error = server.error { spans.append(Span(" · refresh failed: \(error)", style: theme.critical)) }
        if let errors = server.snapshot?.errors, !errors.isEmpty {
            let text = errors.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
            spans.append(Span(" · \(text)", style: theme.warn))
        }
        if let report = server.clientsReport { spans += clientSummary(report, theme: theme) }
        spans.append(Span(" · \(context.symbols.arrowLeft)/\(context.symbols.arrowRight) section · s sort", style: theme.muted))
        var line = Line(spans)
        line.fit(to: row.width, ellipsis: context.symbols.ellipsis)
        line.render(in: row, buffer: &buffer)
    }

    static func renderSection(_ section: ServerSection, _ server: ServerState, _ context: PaneContext, in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let focused = server.section == section
        let sortName = section.sortNames[server.sortIndex(section) % section.sortNames.count]
        let content = table(section, server, context)
        let title: String
        switch section {
        case .slowlog: title = logTitle(server.logKind) + (server.snapshot?.commandLog != nil ? " · c next log" : "")
        case .slots where server.snapshot?.hotSlotOwners.isEmpty == false: title = "Hot slots · every primary"
        default: title = section.title
        }
        let shownTitle = DisplayText(sanitizing: title)
        let table = Table(
            rows: content.rows, widths: content.widths, header: Table.Row(content.header),
            alignments: content.alignments,
            style: theme.text, headerStyle: theme.muted.adding(.bold), highlightStyle: theme.selection, symbols: context.symbols
        ).dropping(content.dropRanks, fillMinimum: 16)
        let hidden = table.hiddenColumns(in: Block(title: shownTitle, theme: theme, symbols: context.symbols).inner(area))
        let right: DisplayText = "\(content.rows.count) · by \(sortName)\(hidden > 0 ? " · +\(hidden) cols" : "")"
        let block = Block(title: shownTitle, titleRight: right, focused: focused, theme: theme, symbols: context.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        guard inner.height > 1 else { return }
        var tableState = server.table(section)
        if !focused { tableState.selected = nil }
        table.render(in: inner, buffer: &buffer, state: &tableState)
        if content.rows.isEmpty {
            buffer.setString(inner.x + 1, inner.y + 1, content.empty, style: theme.muted, maxWidth: max(0, inner.width - 1))
        }
    }

    struct Content {
        var header: [Line]
        var widths: [Constraint]
        var alignments: [Alignment]
        var rows: [Table.Row]
        var empty: DisplayText
        /// How the columns give way in a narrow terminal (`Table.dropping`); empty: they do not.
        var dropRanks: [Int?] = []
    }

    static func table(_ section: ServerSection, _ server: ServerState, _ context: PaneContext) -> Content {
        let theme = context.theme
        let wall = Int64(context.wallMilliseconds / 1000)
        switch section {
        case .slowlog:
            // COMMANDLOG's large kinds measure bytes where the slow log measures microseconds.
            let sized = server.logKind == .largeRequest || server.logKind == .largeReply
            let rows = ServerRows.slowlog(server).map { entry -> Table.Row in
                let command = entry.arguments.map { DisplayText(ServerBytes($0)) }.joined(separator: " ")
                let ms = Double(entry.durationMicroseconds) / 1000
                let style = sized ? theme.text : (ms >= 100 ? theme.critical : (ms >= 10 ? theme.warn : theme.text))
                let measure = sized ? Formatting.bytes(Double(entry.durationMicroseconds)) : micros(entry.durationMicroseconds)
                return Table.Row([
                    "\(entry.id)",
                    ago(entry.time, wall: wall),
                    Line(Span("\(measure)", style: style)),
                    Line(command),
                    "\(entry.clientAddress ?? "")",
                    Line(DisplayText(ServerBytes(entry.clientName))),
                ])
            }
            return Content(
                header: ["ID", "WHEN", sized ? "SIZE" : "TOOK", "COMMAND", "CLIENT", "NAME"],
                widths: [.length(5), .length(8), .length(8), .fill(1), .length(15), .length(10)],
                alignments: [.right, .right, .right, .left, .left, .left], rows: rows,
                empty: sized ? "no \(logTitle(server.logKind).lowercased()) logged" : "no slow commands logged", dropRanks: [1, 3, nil, nil, 2, 4])
        case .clients:
            return server.showsClientGroups ? clientGroups(server, context) : clients(server, context)
        case .commands:
            let rows = ServerRows.commands(server).map { stat -> Table.Row in
                Table.Row([
                    "\(stat.name)",
                    "\(Formatting.number(Double(stat.calls)))",
                    "\(micros(stat.microseconds))",
                    "\(stat.microsecondsPerCall < 1000 ? String(format: "%.2fµs", stat.microsecondsPerCall) : micros(Int64(stat.microsecondsPerCall)))",
                    Line(Span("\(stat.failedCalls + stat.rejectedCalls)", style: stat.failedCalls + stat.rejectedCalls > 0 ? theme.warn : theme.muted)),
                ])
            }
            return Content(
                header: ["COMMAND", "CALLS", "TOTAL", "PER CALL", "FAILED"],
                widths: [.fill(1), .length(7), .length(9), .length(11), .length(7)],
                alignments: [.left, .right, .right, .right, .right], rows: rows,
                empty: "no command totals yet (from INFO commandstats)", dropRanks: [nil, 3, 2, nil, 1])
        case .latency:
            let rows = ServerRows.latency(server).map { event -> Table.Row in
                Table.Row([
                    "\(event.event)",
                    ago(event.latestTime, wall: wall),
                    "\(event.latestMilliseconds)ms",
                    Line(Span("\(event.maxMilliseconds)ms", style: event.maxMilliseconds >= 100 ? theme.critical : theme.text)),
                ])
            }
            return Content(
                header: ["EVENT", "WHEN", "LATEST", "MAX"],
                widths: [.fill(1), .length(10), .length(9), .length(9)],
                alignments: [.left, .right, .right, .right], rows: rows,
                empty: "no spikes (latency-monitor-threshold 0 means off)")
        case .replication:
            return replication(server, context)
        case .slots:
            return hotSlots(server, context)
        }
    }

    /// How long before `wall` (Unix seconds) `time` was: `5s ago`; the raw time when the clock is unknown.
    static func ago(_ time: Int64, wall: Int64) -> Line {
        wall > 0 ? "\(Formatting.duration(Double(max(0, wall - time)))) ago" : "\(time)"
    }

    /// Microseconds in the shortest readable unit: `850µs`, `12.3ms`, `1.20s`.
    static func micros(_ value: Int64) -> String {
        if value < 1000 { return "\(value)µs" }
        if value < 1_000_000 { return String(format: value < 10_000 ? "%.2fms" : "%.1fms", Double(value) / 1000) }
        return String(format: "%.2fs", Double(value) / 1_000_000)
    }
}
