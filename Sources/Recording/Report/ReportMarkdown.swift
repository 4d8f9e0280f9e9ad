/// The report as Markdown to paste into an incident document: the window, what crossed which
/// alert rule and when, the nodes at a glance, the actions, the events and the top prefixes.
/// Every cell is made visible and Markdown-escaped, so it is also safe to print on a terminal.
public enum ReportMarkdown {
    /// The summary of `data`; times are written by `clock`.
    public static func summary(_ data: ReportData, clock: ReportClock) -> String {
        var out = "## cachescope report" + (data.label.isEmpty ? "" : ": " + ReportCell(data.label).markdown) + "\n\n"
        out += "\(clock.dateTime(data.from)) to \(clock.time(data.to)), \(data.nodes.count) node(s).\n\n"
        out += "### Alerts\n\n" + table(.alerts(data, clock))
        out += "### Nodes\n\n" + table(.nodes(data))
        out += "### Actions\n\n" + table(.actions(data, clock))
        out += "### Topology and failover events\n\n" + table(.events(data, clock))
        let keyEvents = ReportTable.keyEvents(data, clock)
        if !keyEvents.rows.isEmpty { out += "### Key events\n\n" + table(keyEvents) }
        out += "### Top prefixes by memory\n\n" + table(.prefixes(data))
        return out
    }

    /// A table; every cell is made visible and Markdown-escaped here, once (no `|` breaks a row).
    static func table(_ table: ReportTable) -> String {
        guard !table.rows.isEmpty else { return "_none_\n\n" }
        var out = "| " + table.header.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: table.header.count) + "\n"
        for row in table.rows { out += "| " + row.map(\.markdown).joined(separator: " | ") + " |\n" }
        return out + "\n"
    }
}
