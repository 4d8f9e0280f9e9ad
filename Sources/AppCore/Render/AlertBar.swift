import Inspector
import TerminalUI

/// The one-row alert summary under the title, on every pane: firing alerts first, then
/// pending ones, or a quiet "no alerts".
enum AlertBar {
    static func render(_ state: AppState, in row: Rect, buffer: inout Buffer) {
        let theme = state.theme
        let active = state.alerts.activeAlerts
        buffer.fill(row, with: Cell.blank.styled(theme.background))
        guard !active.isEmpty else {
            let down = state.nodes.filter(\.isDown).count
            let text: DisplayText = down > 0 ? " \(down) node(s) down" : " \(state.symbols.check) no alerts"
            buffer.setString(row.x, row.y, text, style: down > 0 ? theme.critical : theme.muted)
            return
        }
        let firing = active.filter { $0.state == .firing }
        var spans: [Span] = []
        let head: DisplayText = firing.isEmpty ? " \(active.count) pending " : " \(firing.count) FIRING "
        spans.append(Span(head, style: (firing.isEmpty ? theme.warn : theme.critical).adding([.reverse, .bold])))
        for alert in active {
            let style = alert.state == .firing ? (alert.rule.severity == .critical ? theme.critical : theme.warn) : theme.muted
            spans.append(Span(" \(describe(alert, now: state.now))", style: style))
            spans.append(Span(" \(state.symbols.separator)", style: theme.muted))
        }
        var line = Line(spans)
        line.fit(to: row.width, ellipsis: state.symbols.ellipsis)
        line.render(in: row, buffer: &buffer)
    }

    /// `hit-ratio-low 127.0.0.1:6379 75.3% for 5m12s`.
    static func describe(_ alert: Alert, now: Double) -> DisplayText {
        let value = alert.value.map { " " + AlertFormatting.value($0, metric: alert.rule.metric) } ?? ""
        return "\(alert.rule.name) \(alert.node)\(value) for \(Formatting.duration(max(0, now - alert.since)))"
    }
}

/// How an alert's metric value is written.
enum AlertFormatting {
    static func value(_ value: Double, metric: AlertMetric) -> String {
        switch metric {
        case .hitRatio, .memoryFraction: return Formatting.percent(value)
        case .evictionsPerSecond, .rejectedConnectionsPerSecond: return Formatting.number(value) + "/s"
        case .latencyMilliseconds: return Formatting.number(value) + "ms"
        case .unreachable, .replicationLinkDown, .persistenceFailed, .clusterStateFail: return value > 0.5 ? "yes" : "no"
        case .clusterSlotsFailing: return Formatting.number(value) + " slots"
        case .clientOutputBufferMB: return Formatting.number(value) + " MB"
        case .replicaLagSeconds: return Formatting.number(value) + " s"
        case .sentinelPrimaryDown, .sentinelFailover, .sentinelQuorumUnreachable: return value > 0.5 ? "yes" : "no"
        case .sentinelReplicaLagBytes: return Formatting.bytes(value)
        }
    }
}
