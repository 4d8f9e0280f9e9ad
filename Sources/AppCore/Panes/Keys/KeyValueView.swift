import Foundation
import Inspector
import TerminalUI

/// The open key: type, encoding, TTL counting down, memory, length, idle time or LFU
/// frequency, then its value, page by page, sanitised (JSON indented, binary as hex).
enum KeyValueView {
    static func render(_ keys: KeysState, _ context: PaneContext, _ opened: OpenedKey, in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let more: DisplayText = opened.nextCursor != nil ? " · ] more" : .empty
        let fieldKeys: DisplayText = opened.hasFieldTTLs ? " · e/p field TTL" : .empty
        let block = Block(title: DisplayText(ServerBytes(opened.key)), titleRight: "Esc close\(fieldKeys)\(more)", focused: true, theme: theme, symbols: context.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        var lines = headerLines(keys, context, opened)
        // The header and its rule stay put; everything below scrolls.
        let headerCount = lines.count + 1
        lines.append(Line(Span(DisplayText(repeating: context.symbols.border.horizontal, count: inner.width), style: theme.border)))
        if let error = opened.error {
            lines.append(Line(Span(DisplayText(sanitizing: error), style: theme.critical)))
        }
        lines += summaryLines(opened, theme: theme, now: context.wallMilliseconds)
        // Each field of a hash page is one line: the selected field's line is known from here.
        let firstValueLine = lines.count
        lines += valueLines(opened, theme: theme, now: context.wallMilliseconds)
        if opened.loading { lines.append(Line(Span("loading…", style: theme.muted))) } else if opened.nextCursor != nil { lines.append(Line(Span("… more: press ]", style: theme.muted))) }
        let header = min(lines.count, headerCount)
        for (i, line) in lines.prefix(header).enumerated() where i < inner.height {
            var l = line
            l.fit(to: inner.width, ellipsis: context.symbols.ellipsis)
            l.render(in: inner.row(i), buffer: &buffer)
        }
        let body = Array(lines.dropFirst(header))
        let room = max(0, inner.height - header)
        var start = max(0, min(opened.scroll, body.count - room))
        let selected = opened.selectedFieldEntry != nil ? max(0, firstValueLine - header + opened.selectedField) : nil
        if let selected, room > 0 {
            if selected < start { start = selected }
            if selected >= start + room { start = selected - room + 1 }
        }
        for (i, line) in body.dropFirst(start).prefix(room).enumerated() {
            var l = line
            if start + i == selected {
                buffer.fill(inner.row(header + i), with: Cell.blank.styled(theme.selection))
                l.spans = l.spans.map { Span($0.text, style: theme.selection) }
            }
            l.fit(to: inner.width, ellipsis: context.symbols.ellipsis)
            l.render(in: inner.row(header + i), buffer: &buffer)
        }
    }

    static func headerLines(_ keys: KeysState, _ context: PaneContext, _ opened: OpenedKey) -> [Line] {
        let theme = context.theme
        func field(_ name: String, _ value: DisplayText, _ style: Style? = nil) -> Line {
            Line([Span("\(name.padding(toLength: 10, withPad: " ", startingAt: 0))", style: theme.muted), Span(value, style: style ?? theme.text)])
        }
        let encoding: DisplayText = opened.detail?.encoding.map { " (\($0))" } ?? .empty
        // A type cachescope does not page reads as the server names it (`vectorset`, `ReJSON-RL`).
        var typeName = opened.type.description
        if case .unsupported(let name)? = opened.pages.first?.content { typeName = name }
        var lines = [field("type", "\(typeName)\(encoding)", theme.style(forRedisType: opened.type.description))]
        guard let d = opened.detail else { return lines }
        switch d.ttl {
        case .persistent: lines.append(field("ttl", "none (never expires)", theme.warn))
        case .unknown: lines.append(field("ttl", "?"))
        case .expires:
            let ms = d.ttl.remainingMilliseconds(at: context.wallMilliseconds) ?? 0
            lines.append(field("ttl", ms == 0 ? "expired" : "\(Formatting.duration(Double(ms) / 1000)) left", ms == 0 ? theme.critical : nil))
        }
        if let memory = d.memory { lines.append(field("memory", "\(Formatting.bytes(Double(memory)))")) }
        if let length = d.length { lines.append(field(d.type == .string ? "bytes" : "length", "\(length)")) }
        if let idle = d.idleSeconds { lines.append(field("idle", "\(Formatting.duration(Double(idle)))")) }
        if let freq = d.lfuFrequency { lines.append(field("lfu freq", "\(freq)")) }
        if let fields = fieldTTLSummary(opened, theme: theme, now: context.wallMilliseconds) { lines.append(field("fields", fields.text, fields.style)) }
        return lines
    }

    static func valueLines(_ opened: OpenedKey, theme: Theme, now: Int64) -> [Line] {
        var lines: [Line] = []
        for page in opened.pages {
            if let ttls = page.fieldTTLs, case .hash(let fields) = page.content {
                lines += fieldLines(fields, ttls: ttls, theme: theme, now: now)
                continue
            }
            switch page.content {
            case .string(let bytes, let offset, let total, let encoding):
                if offset == 0, total > bytes.count {
                    lines.append(Line(Span("showing the first \(Formatting.bytes(Double(bytes.count))) of \(Formatting.bytes(Double(total)))", style: theme.muted)))
                }
                if opened.hex || encoding == .binary {
                    lines += ServerBytes(bytes).hexDump(startOffset: offset).map { Line($0) }
                } else if encoding == .json, let pretty = JSONPrettyPrinter.format(bytes, allowTruncated: offset + bytes.count < total) {
                    lines += textLines(pretty)
                } else {
                    lines += textLines(bytes)
                }
            case .hash(let fields):
                for f in fields {
                    lines.append(Line([Span(DisplayText(ServerBytes(f.field)), style: theme.accent), Span(" = ", style: theme.muted), Span(DisplayText(ServerBytes(f.value)))]))
                }
            case .list(let elements, let start):
                for (i, e) in elements.enumerated() {
                    lines.append(Line([Span("[\(start + i)] ", style: theme.muted), Span(DisplayText(ServerBytes(e)))]))
                }
            case .set(let members):
                lines += members.map { Line(DisplayText(ServerBytes($0))) }
            case .zset(let members, let start):
                for (i, m) in members.enumerated() {
                    lines.append(Line([Span("#\(start + i + 1) ", style: theme.muted), Span("\(scoreText(m.score))", style: theme.accent), Span(" \(ServerBytes(m.member))")]))
                }
            case .stream(let entries):
                for e in entries {
                    let fields = e.fields.map { "\(ServerBytes($0.field))=\(ServerBytes($0.value))" as DisplayText }.joined(separator: " ")
                    lines.append(Line([Span("\(ServerBytes(e.id)) ", style: theme.accent), Span(fields)]))
                }
            case .unsupported(let name):
                // A vector set or module type: its summary (above) is what is shown.
                if opened.summary == nil, opened.summaryError == nil { lines.append(Line(Span("reading what \(name) can show…", style: theme.muted))) }
            case .missing:
                lines.append(Line(Span("the key no longer exists", style: theme.critical)))
            }
        }
        return lines
    }

    /// Text split into lines, each sanitised (so a newline in a value is a line break, but an
    /// escape sequence is shown as `\x1b`).
    static func textLines(_ bytes: [UInt8]) -> [Line] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Line(DisplayText(ServerBytes($0))) }
    }

    static func scoreText(_ score: Double) -> String {
        score == score.rounded() && abs(score) < 1e15 ? String(Int64(score)) : String(score)
    }
}
