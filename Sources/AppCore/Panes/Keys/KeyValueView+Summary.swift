import Foundation
import Inspector
import TerminalUI

/// The summary lines above a value's pages: a stream's length, ends and consumer groups; a vector
/// set's size, dimension, `VINFO` and a page of members; a module type's name, memory and first bytes.
extension KeyValueView {
    static func summaryLines(_ opened: OpenedKey, theme: Theme, now: Int64) -> [Line] {
        if let error = opened.summaryError { return [Line(Span("summary unavailable: \(DisplayText(sanitizing: error))", style: theme.warn))] }
        switch opened.summary {
        case .stream(let stream)?: return streamLines(stream, theme: theme)
        case .vectorSet(let set)?: return vectorSetLines(set, theme: theme)
        case .module(let value)?: return moduleLines(value, theme: theme)
        case nil: return []
        }
    }

    static func label(_ name: String, _ value: DisplayText, theme: Theme, style: Style? = nil) -> Line {
        Line([Span(DisplayText(sanitizing: name.padding(toLength: 10, withPad: " ", startingAt: 0)), style: theme.muted), Span(value, style: style ?? theme.text)])
    }

    static func streamLines(_ stream: StreamSummary, theme: Theme) -> [Line] {
        var lines = [label("entries", "\(stream.length) · last id \(ServerBytes(stream.lastGeneratedID))", theme: theme)]
        for (name, entry) in [("first", stream.firstEntry), ("last", stream.lastEntry)] {
            guard let entry else { continue }
            lines.append(label(name, "\(ServerBytes(entry.id)) \(entryFields(entry))", theme: theme))
        }
        if stream.groups.isEmpty {
            lines.append(label("groups", "none", theme: theme, style: theme.muted))
        } else {
            lines.append(label("groups", "\(stream.groups.count): pending (delivered, not acknowledged) · lag (not yet delivered)", theme: theme))
            for group in stream.groups {
                let lag: DisplayText = group.lag.map { " · lag \($0)" } ?? ""
                let style = group.pending > 0 ? theme.warn : theme.text
                lines.append(
                    Line([
                        Span("  \(ServerBytes(group.name))", style: theme.accent),
                        Span(" · \(group.consumers) consumer\(group.consumers == 1 ? "" : "s") · pending \(group.pending)\(lag) · last delivered \(ServerBytes(group.lastDeliveredID))", style: style),
                    ]))
            }
        }
        lines.append(Line(Span("entries, oldest first:", style: theme.muted)))
        return lines
    }

    static func entryFields(_ entry: StreamEntry) -> DisplayText {
        entry.fields.map { "\(ServerBytes($0.field))=\(ServerBytes($0.value))" as DisplayText }.joined(separator: " ")
    }

    static func vectorSetLines(_ set: VectorSetSummary, theme: Theme) -> [Line] {
        var lines = [
            label("elements", "\(set.cardinality) (VCARD)", theme: theme),
            label("dimension", "\(set.dimension) (VDIM)", theme: theme),
        ]
        let info = set.info.map { "\($0.name) \($0.value)" }.joined(separator: " · ")
        if !info.isEmpty { lines.append(label("vinfo", DisplayText(sanitizing: info), theme: theme)) }
        lines.append(Line(Span("\(set.members.count) of \(set.cardinality) members (VRANDMEMBER, in no order; vectors not read):", style: theme.muted)))
        lines += set.members.map { Line([Span("  "), Span(DisplayText(ServerBytes($0)), style: theme.accent)]) }
        return lines
    }

    static func moduleLines(_ value: ModuleValue, theme: Theme) -> [Line] {
        var lines = [label("module", "type \(value.typeName) · \(value.memory.map { Formatting.bytes(Double($0)) } ?? "memory unknown")", theme: theme)]
        if let preview = value.preview {
            lines.append(Line(Span(value.previewTruncated ? "the first \(preview.count) bytes of JSON.GET:" : "JSON.GET:", style: theme.muted)))
            lines += JSONPrettyPrinter.format(preview, allowTruncated: value.previewTruncated).map(textLines) ?? textLines(preview)
        } else if let note = value.previewNote {
            lines.append(Line(Span("value not read: \(DisplayText(sanitizing: note))", style: theme.muted)))
        } else {
            lines.append(Line(Span("cachescope cannot read values of this module type", style: theme.muted)))
        }
        return lines
    }
}
