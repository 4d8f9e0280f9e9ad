// A recorded alert transition as the alert engine's own alert, for the replay's alert bar.
import Foundation
import Inspector
import Recording

extension RecordedAlert {
    /// The alert this transition leaves: firing from its moment (seconds, the replay's clock), or
    /// resolved then (the caller keeps the moment it fired). The rule is the replay's rule of that name; a rule it does not know (a
    /// custom rule of the recording session) is made from the recorded name and severity, with
    /// no value shown, since its metric is unknown.
    /// - Parameters:
    ///   - addresses: the recording's nodes, by number (the alert's subject when it has a node).
    func alert(rules: [AlertRule], addresses: [String]) -> Alert {
        let time = Double(t) / 1000
        let known = rules.first { $0.name == rule }
        let level = AlertRule.Severity(rawValue: self.severity) ?? .warning
        let ruleNow =
            known
            ?? AlertRule(name: rule, metric: .unreachable, comparison: .above, threshold: 0, duration: 0, severity: level, summary: "recorded rule \(rule)")
        let subject = node.flatMap { addresses.indices.contains($0) ? addresses[$0] : nil } ?? detailSubject ?? "?"
        var alert = Alert(rule: ruleNow, node: subject, state: state == "resolved" ? .resolved : .firing, since: time, value: known == nil ? nil : detailValue)
        alert.firedAt = time
        if alert.state == .resolved { alert.resolvedAt = time }
        return alert
    }

    /// The subject before `: value` or ` (threshold` in the recorded detail (`ADDRESS: value 0.75 (threshold 0.8)`).
    private var detailSubject: String? {
        guard let detail else { return nil }
        let end = detail.range(of: ": value ")?.lowerBound ?? detail.range(of: ": (threshold")?.lowerBound ?? detail.range(of: " (threshold")?.lowerBound
        return end.map { String(detail[..<$0]) }
    }

    /// The metric's value written in the recorded detail, if any.
    private var detailValue: Double? {
        guard let detail, let start = detail.range(of: "value ")?.upperBound else { return nil }
        return Double(detail[start...].prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "+" })
    }
}
