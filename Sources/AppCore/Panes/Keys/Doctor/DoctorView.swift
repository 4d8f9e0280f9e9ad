import Foundation
import Inspector
import TerminalUI

/// The Doctor view (in place of the keys tree): the findings, most severe first, coloured by
/// severity; the selected finding's evidence (counts, memory, example keys, field names, the
/// remaining-TTL histogram of a wave as a bar chart), its suggestion and its fix.
enum DoctorView {
    static func render(_ keys: KeysState, _ context: PaneContext, in area: Rect, buffer: inout Buffer) {
        let rows = Layout.vertical([.length(1), .fill(1)]).split(area)
        renderHeader(keys, context, in: rows[0], buffer: &buffer)
        let doctor = keys.doctor
        guard let report = doctor.report else {
            let text: DisplayText = doctor.error.map { "doctor failed: \($0)" } ?? (doctor.running ? "examining the keyspace index…" : "no report yet: r runs the doctor")
            buffer.setString(rows[1].x + 1, rows[1].y + 1, text, style: doctor.error == nil ? context.theme.muted : context.theme.critical, maxWidth: rows[1].width - 2)
            return
        }
        let columns = Layout.horizontal([.percentage(50), .fill(1)]).split(rows[1])
        renderList(keys, context, report, in: columns[0], buffer: &buffer)
        renderDetail(keys, context, report, in: columns[1], buffer: &buffer)
    }

    static func renderHeader(_ keys: KeysState, _ context: PaneContext, in row: Rect, buffer: inout Buffer) {
        let theme = context.theme
        var spans = [Span(" Doctor", style: theme.title)]
        if let node = keys.doctor.node, context.addresses.indices.contains(node) {
            spans.append(Span(" · \(context.address(node))", style: theme.muted))
        }
        if let report = keys.doctor.report {
            let critical = report.count(.critical)
            let warning = report.count(.warning)
            let info = report.count(.info)
            spans.append(Span(" · \(report.findings.count) findings", style: theme.text))
            if critical > 0 { spans.append(Span(" · \(critical) critical", style: theme.critical)) }
            if warning > 0 { spans.append(Span(" · \(warning) warning\(warning == 1 ? "" : "s")", style: theme.warn)) }
            if info > 0 { spans.append(Span(" · \(info) info", style: theme.ok)) }
            spans.append(Span(" · \(DoctorWording.keys(report.indexedKeys, report)) keys, \(DoctorWording.keys(report.keysWithoutTTL, report)) without TTL", style: theme.muted))
            if let partial = DoctorWording.coverage(report) { spans.append(Span(" · \(partial)", style: theme.warn)) }
        }
        if keys.doctor.running { spans.append(Span(" · running…", style: theme.accent)) }
        spans.append(Span(context.readOnly ? " · read-only: fixes off" : " · f fix", style: context.readOnly ? theme.warn : theme.muted))
        spans.append(Span(" · r rerun · h hot keys · Esc back", style: theme.muted))
        var line = Line(spans)
        line.fit(to: row.width, ellipsis: context.symbols.ellipsis)
        line.render(in: row, buffer: &buffer)
    }

    /// The hint bar while the view is open (the keys pane's own bindings do not apply here).
    static func hints(_ keys: KeysState, _ context: PaneContext) -> [KeyHint] {
        // The three keys that matter most first, then `?`: an 80-column bar keeps them.
        var hints: [KeyHint] = []
        if !context.readOnly { hints.append(KeyHint(keys: "f", description: "fix (dry run first)", isDangerous: true)) }
        hints += [
            KeyHint(keys: "r", description: "rerun"), KeyHint(keys: "Esc", description: "back to keys"), KeyHint(keys: "?", description: "help"),
            KeyHint(keys: "j/k", description: "finding"), KeyHint(keys: "h", description: "probe hot keys"),
        ]
        return hints
    }

    static func style(_ severity: FindingSeverity, _ theme: Theme) -> Style {
        switch severity {
        case .critical: theme.critical
        case .warning: theme.warn
        case .info: theme.ok
        }
    }

    static func tag(_ severity: FindingSeverity) -> String {
        switch severity {
        case .critical: "CRIT"
        case .warning: "WARN"
        case .info: "INFO"
        }
    }

    static func renderList(_ keys: KeysState, _ context: PaneContext, _ report: DoctorReport, in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let block = Block(title: "Findings", theme: theme, symbols: context.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        guard !report.findings.isEmpty else {
            var lines = [Line(Span("no findings: no caching anti-pattern in \(DoctorWording.keys(report.indexedKeys, report)) keys", style: theme.ok))]
            lines += report.notes.map { Line(Span(DisplayText(sanitizing: DoctorWording.note($0)), style: theme.muted)) }
            Paragraph(lines).render(in: inner, buffer: &buffer)
            return
        }
        let items = report.findings.map { finding in
            Line([
                Span("\(tag(finding.severity)) ", style: style(finding.severity, theme)),
                Span("\(finding.kind.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0))", style: theme.muted),
                Span(DisplayText(sanitizing: DoctorWording.title(finding)), style: theme.text),
            ])
        }
        var list = keys.doctor.list
        ListView(items, highlightStyle: theme.selection, symbols: context.symbols).render(in: inner, buffer: &buffer, state: &list)
    }

    static func renderDetail(_ keys: KeysState, _ context: PaneContext, _ report: DoctorReport, in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let block = Block(title: "Evidence", theme: theme, symbols: context.symbols)
        block.render(in: area, buffer: &buffer)
        var inner = block.inner(area)
        guard let finding = keys.doctor.selectedFinding else {
            let lines =
                (report.largestAverages.isEmpty ? [] : [Line(Span("largest average entry:", style: theme.title))])
                + report.largestAverages.map { Line("  \(ServerBytes($0.prefix.isEmpty ? Array("(no prefix)".utf8) : $0.prefix))  \(Formatting.bytes(Double($0.averageMemory))) × \($0.keyCount)") }
            Paragraph(lines).render(in: inner, buffer: &buffer)
            return
        }
        if let histogram = finding.histogram, inner.height >= 10 {
            let chartHeight = 5
            let chart = Rect(x: inner.x, y: inner.bottom - chartHeight, width: inner.width, height: chartHeight)
            renderHistogram(histogram, keys, context, in: chart, buffer: &buffer)
            inner = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - chartHeight)
        }
        var lines: [Line] = [
            Line([Span("\(tag(finding.severity)) ", style: style(finding.severity, theme)), Span(DisplayText(sanitizing: DoctorWording.title(finding)), style: theme.title)])
        ]
        if let prefix = finding.prefix {
            lines.append(Line([Span("prefix ", style: theme.muted), Span(prefix.isEmpty ? "(keys without a delimiter)" : DisplayText(ServerBytes(prefix)), style: theme.accent)]))
        }
        var figures = "keys \(DoctorWording.count(finding.keyCount, finding))"
        if finding.memory > 0 { figures += " · memory \(DoctorWording.bytes(finding.memory, finding))" }
        lines.append(Line(Span("\(figures)", style: theme.text)))
        lines += DoctorWording.details(finding).map { Line(Span(DisplayText(sanitizing: $0), style: theme.text)) }
        if !finding.fieldNames.isEmpty {
            lines.append(Line([Span("fields ", style: theme.muted), Span("\(finding.fieldNames.joined(separator: ", "))", style: theme.warn)]))
        }
        if !finding.exampleKeys.isEmpty {
            lines.append(Line(Span("e.g.", style: theme.muted)))
            lines += finding.exampleKeys.map { Line(Span("  \(ServerBytes($0))", style: theme.accent)) }
        }
        lines.append(Line(""))
        lines.append(Line([Span("fix ", style: theme.title), Span(DisplayText(sanitizing: DoctorWording.suggestion(finding)), style: theme.text)]))
        if let fix = finding.fix {
            lines.append(
                context.readOnly
                    ? Line(Span("read-only: fixes are off", style: theme.warn))
                    : Line([Span("f ", style: theme.accent), Span(DisplayText(sanitizing: DoctorWording.fix(fix)), style: theme.text), Span(" (dry run first)", style: theme.muted)]))
        }
        if !report.notes.isEmpty {
            lines.append(Line(""))
            lines += report.notes.map { Line(Span(DisplayText(sanitizing: DoctorWording.note($0)), style: theme.muted)) }
        }
        Paragraph(lines).render(in: inner, buffer: &buffer)
    }

    /// The remaining-TTL histogram as bars, each bin widened to fill the width, with its axis.
    static func renderHistogram(_ histogram: TTLHistogram, _ keys: KeysState, _ context: PaneContext, in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        guard area.height >= 2, !histogram.counts.isEmpty else { return }
        buffer.setString(area.x, area.y, "remaining TTL (keys per \(Formatting.duration(Double(histogram.binSeconds))))", style: theme.muted, maxWidth: area.width)
        let perBin = max(1, area.width / histogram.counts.count)
        let data = histogram.counts.flatMap { Array(repeating: Double($0), count: perBin) }
        let bars = Rect(x: area.x, y: area.y + 1, width: min(area.width, data.count), height: area.height - 2)
        Sparkline(data, theme: theme, symbols: context.symbols).render(in: bars, buffer: &buffer)
        let end = Formatting.duration(Double(histogram.binSeconds * Int64(histogram.counts.count)))
        buffer.setString(area.x, area.bottom - 1, "0", style: theme.muted, maxWidth: area.width)
        buffer.setString(max(area.x, bars.right - end.count), area.bottom - 1, "\(end)", style: theme.muted, maxWidth: area.width)
    }
}
