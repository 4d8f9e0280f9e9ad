import Inspector
import TerminalUI

/// Pane 4: channels and key events tailed live. A header with each subscriber's state and
/// subscriptions, the message log (newest first) beside per-channel counts and a rate sparkline,
/// and the selected message in full below (JSON pretty-printed).
enum PubSubView {
    /// Rows of the pane's detail box for a pane `height` rows high.
    static func detailHeight(_ height: Int) -> Int { max(4, min(12, height / 3)) }

    /// Log rows that fit on a screen `height` rows high (the app's title, alert and bottom rows,
    /// the header, the detail box, the log's borders and column header taken away).
    static func logRows(height: Int) -> Int {
        let pane = height - 3
        return max(1, pane - 1 - detailHeight(pane) - 3)
    }

    static func render(_ pubsub: PubSubState, _ context: PaneContext, in area: Rect, buffer: inout Buffer) {
        let rows = Layout.vertical([.length(1), .fill(1), .length(detailHeight(area.height))]).split(area)
        renderHeader(pubsub, context, in: rows[0], buffer: &buffer)
        let visible = pubsub.visibleEntries()
        if rows[1].width >= 90 {
            let columns = Layout.horizontal([.fill(1), .length(36)]).split(rows[1])
            renderLog(pubsub, context, visible, in: columns[0], buffer: &buffer)
            renderChannels(pubsub, context, in: columns[1], buffer: &buffer)
        } else {
            renderLog(pubsub, context, visible, in: rows[1], buffer: &buffer)
        }
        renderDetail(pubsub, context, visible, in: rows[2], buffer: &buffer)
    }

    // MARK: header

    static func renderHeader(_ pubsub: PubSubState, _ context: PaneContext, in row: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let pubsub = pubsub
        if let input = pubsub.filterInput {
            var line = input
            InputLine(prompt: "filter (channel or payload): ", style: theme.text, promptStyle: theme.accent, cursorStyle: theme.selection.adding(.reverse))
                .render(in: row, buffer: &buffer, state: &line)
            return
        }
        var spans: [Span] = [Span(" ")]
        if pubsub.frozen != nil {
            spans.append(Span(" PAUSED ", style: theme.warn.adding(.reverse)))
            spans.append(Span(" "))
        }
        if !pubsub.hasSubscriptions {
            spans.append(Span("not subscribed", style: theme.muted))
        }
        for target in pubsub.targets where !target.isEmpty {
            let (mark, style, text): (DisplayText, Style, DisplayText)
            switch target.state {
            case .connecting: (mark, style, text) = (context.symbols.ellipsis, theme.muted, "connecting")
            case .connected: (mark, style, text) = (context.symbols.check, theme.ok, .empty)
            case .reconnecting(let reason, let since):
                (mark, style, text) = (context.symbols.cross, theme.critical, "reconnecting for \(PubSubFormat.span(max(0, context.wallMilliseconds * 1_000_000 - since))) (\(reason))")
            case .closed: (mark, style, text) = (context.symbols.cross, theme.muted, "closed")
            }
            spans.append(Span(mark, style: style))
            if context.addresses.count > 1 { spans.append(Span(" \(target.label)", style: theme.muted)) }
            if !text.isEmpty { spans.append(Span(" \(text)", style: style)) }
            for kind in ChannelKind.allCases {
                guard let names = target.wanted[kind], !names.isEmpty else { continue }
                spans.append(Span(" \(prefix(kind)) ", style: theme.muted))
                for (i, name) in names.enumerated() {
                    if i > 0 { spans.append(Span(", ", style: theme.muted)) }
                    let confirmed = target.confirmed.contains(name)
                    spans.append(Span(confirmed ? DisplayText(ServerBytes(name)) : "\(ServerBytes(name))…", style: confirmed ? theme.text.adding(.bold) : theme.muted))
                }
            }
            if let gap = target.lastGap {
                spans.append(Span("  last gap \(PubSubFormat.time(gap.from)) (\(PubSubFormat.span(gap.to - gap.from)))", style: theme.warn))
            }
            spans.append(Span("  "))
        }
        switch pubsub.keyEvents {
        case .off: break
        case .checking: spans.append(Span("  key events: checking…", style: theme.muted))
        case .on: spans.append(Span("  key events on", style: theme.ok))
        case .notConfigured(let setting):
            let what: DisplayText = setting.isOff ? "notify-keyspace-events is off" : "notify-keyspace-events \"\(setting.flags)\" lacks \(String(setting.missing))"
            spans.append(Span("  key events: \(what)\(context.readOnly ? "" : " (e to enable)")", style: theme.warn))
        case .unavailable(let reason): spans.append(Span("  key events unavailable: \(reason)", style: theme.critical))
        }
        if !pubsub.filter.isEmpty { spans.append(Span("  filter: \(pubsub.filter.text)", style: theme.accent)) }
        var line = Line(spans)
        line.fit(to: row.width, ellipsis: context.symbols.ellipsis)
        line.render(in: row, buffer: &buffer)
    }

    /// The message log's columns; in a narrow terminal PATTERN, TIME, then CHANNEL go (the
    /// payload stays).
    static let logColumns = Table(
        rows: [], widths: [.length(12), .length(24), .length(14), .fill(1)], header: Table.Row(["TIME", "CHANNEL", "PATTERN", "PAYLOAD"]),
        alignments: [.left, .left, .left, .left]
    ).dropping([2, 4, 1, nil], fillMinimum: 20)

    static func prefix(_ kind: ChannelKind) -> DisplayText {
        switch kind {
        case .channel: return "sub"
        case .pattern: return "psub"
        case .shardChannel: return "ssub"
        }
    }

    // MARK: log

    static func renderLog(_ pubsub: PubSubState, _ context: PaneContext, _ visible: [(number: Int, entry: MessageLogEntry)], in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let pubsub = pubsub
        let log = pubsub.log
        var right: DisplayText = "\(visible.count) shown · \(Formatting.number(Double(log.totalCounted))) counted"
        if let frozen = pubsub.frozen { right.append(" · +\(log.totalCounted - frozen.countedAtPause) since pause") }
        let hidden = logColumns.hiddenColumns(in: Block(title: "Messages", theme: theme, symbols: context.symbols).inner(area))
        if hidden > 0 { right.append(" · +\(hidden) cols") }
        let block = Block(title: "Messages", titleRight: right, focused: true, theme: theme, symbols: context.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        guard inner.height > 1 else { return }
        let page = inner.height - 1
        let selectedIndex = pubsub.selected.flatMap { number in visible.firstIndex { $0.number == number } }
        let offset = selectedIndex.map { max(0, $0 - page + 1) } ?? 0
        let window = visible.dropFirst(offset).prefix(page)
        let payloadWidth = max(8, inner.width - 12 - 1)  // at most: the payload may get all but the time
        let rows = window.map { item -> Table.Row in
            switch item.entry {
            case .message(let message):
                return Table.Row([
                    Line(Span("\(PubSubFormat.time(message.time))", style: theme.muted)),
                    Line(DisplayText(ServerBytes(message.channel))),
                    Line(Span(message.pattern.map { DisplayText(ServerBytes($0)) } ?? .empty, style: theme.muted)),
                    Line(oneLine(message.payload, width: payloadWidth)),
                ])
            case .gap(let gap, let source):
                let rule = DisplayText(repeating: context.symbols.border.horizontal, count: 2)
                return Table.Row([
                    Line(Span("\(PubSubFormat.time(gap.from))", style: theme.warn)),
                    Line(Span("\(rule) gap \(rule)", style: theme.warn.adding(.bold))),
                    Line(Span("\(PubSubFormat.span(gap.to - gap.from))", style: theme.warn)),
                    Line(Span("disconnected until \(PubSubFormat.time(gap.to)): messages may be missing (\(source): \(gap.reason))", style: theme.warn)),
                ])
            }
        }
        var tableState = TableState(selected: selectedIndex.map { $0 - offset })
        var table = logColumns
        table.rows = Array(rows)
        table.style = theme.text
        table.headerStyle = theme.muted.adding(.bold)
        table.highlightStyle = theme.selection
        table.symbols = context.symbols
        table.render(in: inner, buffer: &buffer, state: &tableState)
        if visible.isEmpty {
            let text: DisplayText
            if !pubsub.hasSubscriptions {
                text = "Nothing subscribed. :sub CHANNEL, :psub PATTERN, :ssub CHANNEL; e tails key events."
            } else if !pubsub.filter.isEmpty, !log.entries.isEmpty {
                text = "No message matches the filter (Esc clears it)."
            } else {
                text = "Waiting for messages…"
            }
            buffer.setString(inner.x + 1, inner.y + 1, text, style: theme.muted, maxWidth: max(0, inner.width - 1))
            if !pubsub.hasSubscriptions, let active = pubsub.activeChannels {
                let lines = activeChannelLines(active)
                for (row, line) in lines.prefix(max(0, inner.height - 3)).enumerated() {
                    buffer.setString(inner.x + 3, inner.y + 3 + row, line, style: row == 0 ? theme.text : theme.muted, maxWidth: max(0, inner.width - 3))
                }
            }
        }
    }

    /// What the node's other clients listen to, offered while nothing is subscribed here.
    static func activeChannelLines(_ active: ActiveChannels) -> [DisplayText] {
        let patterns = active.patternCount > 0 ? ", \(active.patternCount) pattern\(active.patternCount == 1 ? "" : "s")" : ""
        if active.channelCount == 0 { return ["No client of this node is subscribed to a channel\(patterns.isEmpty ? "" : " (\(patterns.dropFirst(2)) in use)")."] }
        if active.isTruncated {
            return ["\(active.channelCount) channels in use on this node\(patterns): too many to list; :psub PATTERN tails a family."]
        }
        var lines: [DisplayText] = ["Channels in use on this node\(patterns); :sub NAME tails one:"]
        for channel in active.channels {
            let who = channel.subscribers == 1 ? "1 subscriber" : "\(channel.subscribers) subscribers"
            lines.append("  \(ServerBytes(channel.name))  \(who)")
        }
        return lines
    }

    /// A payload on one line: the first bytes, escaped (newlines and escape sequences shown, not acted on).
    static func oneLine(_ payload: [UInt8], width: Int) -> DisplayText {
        DisplayText(ServerBytes(payload.prefix(max(16, width * 4))))
    }

    // MARK: channels

    static func renderChannels(_ pubsub: PubSubState, _ context: PaneContext, in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let log = pubsub.log
        let block = Block(title: "Channels", titleRight: "\(Formatting.number(log.currentRate))/s", theme: theme, symbols: context.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        guard inner.height > 0, inner.width > 2 else { return }
        let sparkHeight = min(3, max(1, inner.height / 4))
        Sparkline(Array(log.rates), theme: theme, symbols: context.symbols)
            .render(in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: sparkHeight), buffer: &buffer)
        var y = inner.y + sparkHeight
        guard y < inner.bottom else { return }
        buffer.setString(inner.x + 1, y, "total \(Formatting.number(Double(log.totalCounted)))", style: theme.muted, maxWidth: inner.width - 2)
        y += 1
        let countWidth = 9
        for (channel, count) in log.busiestChannels(max(0, inner.bottom - y)) {
            guard y < inner.bottom else { break }
            let number: DisplayText = "\(Formatting.number(Double(count)))"
            buffer.setString(inner.x + 1 + max(0, countWidth - number.width), y, number, style: theme.accent, maxWidth: countWidth)
            buffer.setString(inner.x + 2 + countWidth, y, DisplayText(ServerBytes(channel)), style: theme.text, maxWidth: max(0, inner.width - countWidth - 3))
            y += 1
        }
        if log.otherChannelsCount > 0, y < inner.bottom {
            buffer.setString(inner.x + 1, y, "\(Formatting.number(Double(log.otherChannelsCount))) on other channels", style: theme.muted, maxWidth: inner.width - 2)
        }
    }

    // MARK: detail

    static func renderDetail(_ pubsub: PubSubState, _ context: PaneContext, _ visible: [(number: Int, entry: MessageLogEntry)], in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let entry = pubsub.selected.flatMap { number in visible.first { $0.number == number }?.entry } ?? visible.first?.entry
        let selected = pubsub.selected != nil
        let block = Block(title: selected ? "Selected message" : "Newest message", titleRight: selected ? "Esc: follow newest" : "j/k select", theme: theme, symbols: context.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        guard inner.height > 0, let entry else { return }
        var lines: [Line] = []
        switch entry {
        case .message(let message):
            var head: [Span] = [
                Span(DisplayText(ServerBytes(message.channel)), style: theme.accent.adding(.bold)),
                Span("  \(PubSubFormat.time(message.time))", style: theme.muted),
                Span("  \(message.payloadLength) bytes", style: theme.muted),
            ]
            if let pattern = message.pattern { head.insert(Span("  pattern \(ServerBytes(pattern))", style: theme.muted), at: 1) }
            if message.isTruncated { head.append(Span(" (first \(message.payload.count) shown)", style: theme.warn)) }
            lines.append(Line(head))
            if let pretty = JSONPrettyPrinter.format(message.payload, allowTruncated: message.isTruncated) {
                for part in pretty.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).prefix(inner.height) {
                    lines.append(Line(Span(DisplayText(ServerBytes(part)), style: theme.text)))
                }
            } else {
                lines.append(Line(Span(DisplayText(ServerBytes(message.payload)), style: theme.text)))
            }
        case .gap(let gap, let source):
            lines.append(
                Line(
                    Span(
                        "Gap: \(source) was disconnected from \(PubSubFormat.time(gap.from)) to \(PubSubFormat.time(gap.to)) (\(PubSubFormat.span(gap.to - gap.from)))", style: theme.warn.adding(.bold)
                    )))
            lines.append(Line(Span("Reason: \(gap.reason)", style: theme.text)))
            lines.append(Line(Span("Messages published in that time were not received (Redis pub/sub does not keep them).", style: theme.muted)))
        }
        Paragraph(lines, wrap: true).render(in: Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 1), height: inner.height), buffer: &buffer)
    }
}
