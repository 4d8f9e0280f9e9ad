import Inspector
import TerminalUI

/// The alert list: active alerts (firing first) then the most recent resolved ones, with
/// state, rule, node, value and since when.
enum AlertListView {
    static func render(_ overview: OverviewState, _ fleet: FleetHealth, _ context: PaneContext, in area: Rect, buffer: inout Buffer) {
        let theme = context.theme
        let active = fleet.alerts.activeAlerts
        let resolved = fleet.alerts.resolved.reversed()
        let block = Block(title: "Alerts", titleRight: "\(active.count) active, \(fleet.alerts.rules.count) rules", theme: theme, symbols: context.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        var rows: [Table.Row] = []
        for alert in active + Array(resolved) {
            let stateStyle: Style
            switch alert.state {
            case .firing: stateStyle = alert.rule.severity == .critical ? theme.critical.adding(.bold) : theme.warn.adding(.bold)
            case .pending: stateStyle = theme.warn
            case .resolved: stateStyle = theme.ok
            }
            let since: DisplayText
            switch alert.state {
            case .resolved:
                since = "resolved \(Formatting.duration(max(0, context.now - (alert.resolvedAt ?? alert.since)))) ago, lasted \(Formatting.duration((alert.resolvedAt ?? alert.since) - alert.since))"
            default: since = "for \(Formatting.duration(max(0, context.now - alert.since)))"
            }
            rows.append(
                Table.Row([
                    Line(Span("\(alert.state.rawValue.uppercased())", style: stateStyle)),
                    "\(alert.rule.severity.rawValue)",
                    "\(alert.rule.name)",
                    "\(alert.node)",
                    "\(alert.value.map { AlertFormatting.value($0, metric: alert.rule.metric) } ?? "-")",
                    "\(alert.rule.summary)",
                    Line(since),
                ]))
        }
        if rows.isEmpty {
            buffer.setString(
                inner.x + 1, inner.y, "\(context.symbols.check) no alerts. Rules: \(fleet.alerts.rules.map(\.summary).joined(separator: "; "))", style: theme.muted, maxWidth: inner.width - 1)
            return
        }
        var tableState = TableState()
        Table(
            rows: rows, widths: [.length(8), .length(8), .length(22), .length(22), .length(8), .fill(2), .fill(1)],
            header: Table.Row(["STATE", "SEVERITY", "RULE", "NODE", "VALUE", "CONDITION", "SINCE"]),
            style: theme.text, headerStyle: theme.muted.adding(.bold), symbols: context.symbols
        ).render(in: inner, buffer: &buffer, state: &tableState)
    }
}
