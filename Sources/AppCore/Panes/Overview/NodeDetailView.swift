import Foundation
import Inspector
import TerminalUI

/// The selected node's larger charts (hit ratio, ops/s, memory, evictions) and its INFO
/// highlights.
enum NodeDetailView {
    static func render(_ overview: OverviewState, _ fleet: FleetHealth, _ context: PaneContext, node: NodeHealth, in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        // The INFO box keeps room for its values in a narrow terminal; the charts give it up.
        let columns = Layout.horizontal([.fill(1), .length(min(44, area.width / 2, max(34, area.width / 3)))]).split(area)
        let grid = Layout.vertical([.fill(1), .fill(1)]).split(columns[0])
        let top = Layout.horizontal([.fill(1), .fill(1)]).split(grid[0])
        let bottom = Layout.horizontal([.fill(1), .fill(1)]).split(grid[1])
        let rates = node.rates
        let sample = node.latest

        let hitNow = rates?.hitRatio.map { Formatting.percent($0) } ?? "-"
        let hitAll: DisplayText = node.watchedHitRatio.map { "watched \(Formatting.percent($0))" } ?? .empty
        chart(
            "hit ratio \(hitNow)", right: hitAll, data: node.series(last: top[0].width, \.hitRatio), max: 1, overview, fleet, context, top[0], &buffer,
            alarming: (rates?.hitRatio ?? 1) < 0.8)
        chart(
            "ops/s \(rates.map { Formatting.number($0.opsPerSecond) } ?? "-")",
            right: rates.map { "hits \(Formatting.number($0.hitsPerSecond))/s misses \(Formatting.number($0.missesPerSecond))/s" } ?? .empty,
            data: node.series(last: top[1].width, \.opsPerSecond), max: nil, overview, fleet, context, top[1], &buffer, alarming: false)
        let memoryTitle: DisplayText
        if let s = sample {
            let limit = s.maxMemory.map { " of \(Formatting.bytes(Double($0))) (\(Formatting.percent(Double(s.usedMemory) / Double($0))))" } ?? " (no maxmemory)"
            memoryTitle = "memory \(Formatting.bytes(Double(s.usedMemory)))\(limit)"
        } else {
            memoryTitle = "memory -"
        }
        chart(
            memoryTitle, right: .empty, data: node.series(last: bottom[0].width) { $0.memoryFraction ?? $0.usedMemory }, max: sample?.maxMemory == nil ? nil : 1,
            overview, fleet, context, bottom[0], &buffer, alarming: (sample?.memoryFraction ?? 0) > 0.9)
        chart(
            "evictions/s \(rates.map { Formatting.number($0.evictionsPerSecond) } ?? "-")",
            right: rates.map { "expired \(Formatting.number($0.expirationsPerSecond))/s" } ?? .empty,
            data: node.series(last: bottom[1].width, \.evictionsPerSecond), max: nil, overview, fleet, context, bottom[1], &buffer, alarming: (rates?.evictionsPerSecond ?? 0) > 10)
        highlights(overview, fleet, context, node: node, in: columns[1], buffer: &buffer)
        _ = theme
    }

    static func chart(
        _ title: DisplayText, right: DisplayText, data: [Double?], max: Double?, _ overview: OverviewState, _ fleet: FleetHealth, _ context: PaneContext, _ area: Rect, _ buffer: inout Buffer,
        alarming: Bool
    ) {
        // The right-hand note gives way when both would not fit whole.
        let fitsBoth = title.width + right.width + 6 <= area.width
        var block = Block(title: title, titleRight: right.isEmpty || !fitsBoth ? nil : right, theme: context.theme, symbols: context.symbols)
        if alarming {
            block.borderStyle = context.theme.critical
            block.titleStyle = context.theme.critical.adding(.bold)
        }
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        Sparkline(data.map { $0 ?? 0 }, max: max, theme: context.theme, symbols: context.symbols).render(in: inner, buffer: &buffer)
    }

    static func highlights(_ overview: OverviewState, _ fleet: FleetHealth, _ context: PaneContext, node: NodeHealth, in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let block = Block(title: "INFO \(node.address)", theme: theme, symbols: context.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        var lines: [(DisplayText, DisplayText, Style)] = []
        switch node.reachability {
        case .down(let since, let error):
            lines.append(("state", "DOWN \(Formatting.duration(max(0, context.now - since)))", theme.critical))
            lines.append(("error", "\(error)", theme.critical))
        case .up(let since):
            lines.append(("state", "up (watched \(Formatting.duration(max(0, context.now - since))))", theme.ok))
        case .unknown:
            lines.append(("state", "connecting…", theme.muted))
        }
        if let s = node.latest {
            lines.append(("server", "\(s.info.serverName) \(s.version)", theme.text))
            lines.append(("uptime", "\(Formatting.duration(Double(s.uptimeSeconds)))", theme.text))
            lines.append(("role", "\(s.role)", theme.text))
            if let up = s.replicationLinkUp {
                lines.append(("link", up ? "up" : "DOWN", up ? theme.ok : theme.critical))
                if let io = s.replicationLastIOSeconds { lines.append(("last io", "\(io)s ago", theme.text)) }
            }
            if let lag = s.replicaOffsetLag { lines.append(("replica lag", "\(lag) bytes", lag > 1_000_000 ? theme.warn : theme.text)) }
            lines.append(("persistence", s.persistenceOK ? "ok" : "LAST SAVE FAILED", s.persistenceOK ? theme.ok : theme.critical))
            lines.append(("rss", "\(Formatting.bytes(Double(s.usedMemoryRSS)))", theme.text))
            if let frag = s.fragmentationRatio {
                lines.append(("fragmentation", "\(String(format: "%.2f", frag))", frag > 1.5 && s.usedMemory > 100_000_000 ? theme.warn : theme.text))
            }
            lines.append(("policy", "\(s.maxMemoryPolicy ?? "-")", theme.text))
            lines.append(("clients", "\(s.connectedClients) (\(s.blockedClients) blocked)", s.blockedClients > 0 ? theme.warn : theme.text))
            if let r = node.rates {
                lines.append(("net in/out", "\(Formatting.bytes(r.netInputBytesPerSecond))/s / \(Formatting.bytes(r.netOutputBytesPerSecond))/s", theme.text))
                if r.rejectedConnectionsPerSecond > 0 { lines.append(("rejected", "\(Formatting.number(r.rejectedConnectionsPerSecond))/s", theme.critical)) }
            }
            if let all = s.lifetimeHitRatio { lines.append(("hit% since start", "\(Formatting.percent(all))", theme.text)) }
            for db in s.keysPerDatabase {
                lines.append(("db\(db.db)", "\(db.keys) keys, \(db.expires) with TTL", theme.text))
            }
        }
        // A value that does not fit beside its label goes whole on the next line, indented.
        let labelWidth = min(17, (lines.map(\.0.width).max() ?? 0) + 1)
        var y = inner.y
        for entry in lines where y < inner.bottom {
            buffer.setString(inner.x, y, entry.0, style: theme.muted, maxWidth: labelWidth)
            if entry.1.width > inner.width - labelWidth {
                // No room for it whole on the last row: left out rather than cut.
                guard entry.1.width <= inner.width - 2, y + 1 < inner.bottom else {
                    buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Cell.blank.styled(theme.background))
                    break
                }
                y += 1
                buffer.setString(inner.x + 2, y, entry.1, style: entry.2, maxWidth: max(0, inner.width - 2))
            } else {
                buffer.setString(inner.x + labelWidth, y, entry.1.truncated(to: max(0, inner.width - labelWidth), ellipsis: context.symbols.ellipsis), style: entry.2)
            }
            y += 1
        }
    }
}
