import Foundation
import Inspector
import TerminalUI

/// The open key: type, encoding, TTL counting down, memory, length, idle time or LFU
/// frequency, then its value, page by page, sanitised (JSON indented, binary as hex).
enum KeyValueView {
    static func render(_ keys: KeysState, _ context: PaneContext, _ opened: OpenedKey, in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let more: DisplayText = opened.nextCursor != nil ? " · ] more" : .empty
        let block = Block(title: DisplayText(ServerBytes(opened.key)), titleRight: "Esc close\(more)", focused: true, theme: theme, symbols: context.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        var lines = headerLines(keys, context, opened)
        lines.append(Line(Span(DisplayText(repeating: context.symbols.border.horizontal, count: inner.width), style: theme.border)))
        if let error = opened.error {
            lines.append(Line(Span(DisplayText(sanitizing: error), style: theme.critical)))
        }
        lines += valueLines(opened, theme: theme)
        if opened.loading { lines.append(Line(Span("loading…", style: theme.muted))) } else if opened.nextCursor != nil { lines.append(Line(Span("… more: press ]", style: theme.muted))) }
        let header = min(lines.count, 8)
        for (i, line) in lines.prefix(header).enumerated() where i < inner.height {
            var l = line
            l.fit(to: inner.width, ellipsis: context.symbols.ellipsis)
            l.render(in: inner.row(i), buffer: &buffer)
        }
        let body = Array(lines.dropFirst(header))
        let room = max(0, inner.height - header)
        let start = min(opened.scroll, max(0, body.count - room))
        for (i, line) in body.dropFirst(start).prefix(room).enumerated() {
            var l = line
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
        var lines = [field("type", "\(opened.type)\(encoding)", theme.style(forRedisType: opened.type.description))]
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
        return lines
    }

    static func valueLines(_ opened: OpenedKey, theme: Theme) -> [Line] {
        var lines: [Line] = []
        for page in opened.pages {
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
                lines.append(Line(Span("values of type \(name) are not shown", style: theme.muted)))
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
