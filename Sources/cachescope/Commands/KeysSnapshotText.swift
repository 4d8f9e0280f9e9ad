// The text form of `cachescope snapshot --keys`: the estimated namespace tree as aligned columns.
import Inspector
import TerminalUI

/// Renders ``KeyspaceEstimates`` for a terminal or a log: one header, the totals, then a row per
/// prefix indented by depth. Estimates read `~1.24M ±0.8%`; exact figures are plain. Prefix bytes
/// come from the server and reach the text only through the sanitiser (`DisplayText`).
enum KeysSnapshotText {
    static func render(_ estimates: KeyspaceEstimates, label: String, seconds: Double, delimiter: UInt8) -> String {
        var lines: [String] = []
        let state =
            estimates.exact
            ? "walk complete: exact"
            : estimates.visitedFraction >= 1
                ? "walk complete past index_budget_mb: key counts exact, memory and TTL estimated from a sample with 95% intervals"
                : "walk stopped after \(Formatting.duration(seconds)): estimates with 95% intervals"
        lines.append("cachescope keys \(DisplayText(sanitizing: label).description)  visited \(Formatting.percent(estimates.visitedFraction)) of the keyspace (\(state))")
        lines.append(
            "keys \(figure(estimates.keys, Formatting.number))  memory \(figure(estimates.memory, Formatting.bytes))  without TTL \(figure(estimates.withoutTTL, Formatting.number))  (DBSIZE \(estimates.population), \(estimates.sampledKeys) keys seen)"
        )
        let rows = estimates.rows(maxChildren: 50)
        let names = rows.map { String(repeating: "  ", count: $0.depth - 1) + ($0.isOther ? "(other)" : DisplayText(ServerBytes($0.prefix)).description) }
        let width = max(6, names.map(\.count).max() ?? 0)
        func pad(_ text: String, _ n: Int) -> String { text + String(repeating: " ", count: max(0, n - text.count)) }
        lines.append(pad("PREFIX", width) + "  " + pad("KEYS", 16) + "  " + pad("MEMORY", 18) + "  WITHOUT TTL")
        for (row, name) in zip(rows, names) {
            lines.append(
                pad(name, width) + "  " + pad(figure(row.keys, Formatting.number), 16) + "  "
                    + pad(figure(row.memory, Formatting.bytes), 18) + "  " + figure(row.withoutTTL, Formatting.number))
        }
        if !estimates.exact, !estimates.bigKeys.isEmpty {
            lines.append("largest keys seen (memory is heavy-tailed; keys not seen are not in any interval):")
            for key in estimates.bigKeys.prefix(5) {
                lines.append("  \(DisplayText(ServerBytes(key.key)).description)  \(key.type)  \(Formatting.bytes(Double(key.memory)))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `1.2k` exact, `~1.24M ±0.8%` estimated, `~0 ≤95` when none was seen but some may be.
    static func figure(_ estimate: Estimate, _ format: (Double) -> String) -> String {
        Formatting.estimate(estimate, format)
    }
}
