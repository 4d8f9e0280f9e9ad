/// A time during which an alert rule was firing on a node: the transitions of `alerts` paired,
/// shaded on the charts and summarised (what crossed which rule, when, for how long).
public struct AlertPeriod: Sendable, Equatable {
    public var rule: String
    public var node: Int64?
    public var start: Int64
    /// nil: still firing at the window's end.
    public var end: Int64?
    /// The rule's severity, and what the firing transition said (the value against the threshold).
    public var severity: String = ""
    public var detail: String? = nil

    /// The periods of `data`'s alerts (transitions before the window open a period at its start).
    public static func periods(_ data: ReportData) -> [AlertPeriod] {
        var open: [String: AlertPeriod] = [:]
        var done: [AlertPeriod] = []
        func key(_ e: ReportData.Entry) -> String { "\(e.node ?? -1)\u{0}\(e.kind)" }
        for e in data.alertsBefore {
            if e.state == "firing" {
                open[key(e)] = AlertPeriod(rule: e.kind, node: e.node, start: data.from, end: nil, severity: e.severity ?? "", detail: e.detail)
            } else {
                open[key(e)] = nil
            }
        }
        for e in data.alerts {
            if e.state == "firing" {
                if open[key(e)] == nil { open[key(e)] = AlertPeriod(rule: e.kind, node: e.node, start: e.t, end: nil, severity: e.severity ?? "", detail: e.detail) }
            } else if var period = open.removeValue(forKey: key(e)) {
                period.end = e.t
                done.append(period)
            }
        }
        return (done + open.values).sorted { ($0.start, $0.rule) < ($1.start, $1.rule) }
    }
}

extension AlertPeriod {
    /// The columns of ``summary(_:clock:)``.
    static let summaryHeader = ["rule", "severity", "node", "firing from", "until", "for", "when it fired"]

    /// One row of the alert summary: the rule, where and when it fired, how long, and what it said.
    func summary(_ data: ReportData, clock: ReportClock) -> [ReportCell] {
        let lasted = end.map { ReportFormat.duration(milliseconds: $0 - start) } ?? "–"
        return [
            ReportCell(rule), ReportCell(severity), ReportCell(ReportTable.nodeName(node, data)), ReportCell(clock.time(start)),
            ReportCell(end.map(clock.time) ?? "still firing at the end"), ReportCell(lasted), ReportCell(detail ?? ""),
        ]
    }
}
