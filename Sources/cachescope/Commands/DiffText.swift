// `cachescope diff` as text: one aligned table, section by section, every server name through the sanitiser.
import Foundation
import Inspector
import TerminalUI

/// Renders a ``DiffReport`` for a terminal or an incident note.
enum DiffText {
    static func render(_ report: DiffReport) -> String {
        var out = "cachescope diff: \(escaped(report.before)) → \(escaped(report.after))"
        if let seconds = report.seconds { out += " (\(Formatting.duration(abs(seconds))) \(seconds < 0 ? "earlier" : "apart"))" }
        out += "\n\n"
        if report.rows.isEmpty {
            out += "no changes\n"
        } else {
            let header = ["SECTION", "NODE", "NAME", "BEFORE", "AFTER", "CHANGE", "NOTE"]
            let cells = report.rows.map { row in
                let uncertainty = row.withinUncertainty == true ? "within uncertainty" : nil
                let note = [uncertainty, row.note.map(escaped)].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; ")
                return [
                    row.section.rawValue, row.node.map(escaped) ?? "-", escaped(row.name), row.before.map(escaped) ?? "-",
                    row.after.map(escaped) ?? "-", escaped(row.change), note,
                ]
            }
            let widths = header.indices.map { column in ([header] + cells).map { DisplayWidth.of($0[column]) }.max() ?? 0 }
            func line(_ row: [String]) -> String {
                row.enumerated().map { $1 + String(repeating: " ", count: max(0, widths[$0] - DisplayWidth.of($1))) }.joined(separator: "  ")
                    .trimmingCharacters(in: .whitespaces) + "\n"
            }
            out += line(header)
            for (index, row) in cells.enumerated() {
                if index > 0, report.rows[index - 1].section != report.rows[index].section { out += "\n" }
                out += line(row)
            }
        }
        if !report.notes.isEmpty { out += "\n" + report.notes.map { "note: " + escaped($0) + "\n" }.joined() }
        return out
    }

    /// Text that may hold a server's bytes, as the terminal may show it.
    static func escaped(_ text: String) -> String { DisplayText(sanitizing: text).description }
}
