import Foundation

/// The soak's table: one row per sample (the dashboard's RSS, CPU, descriptors and threads, the
/// load, keypress → frame, the pub/sub counts), and at the end the slopes of the resources after
/// the warm-up (least squares, % of the mean per hour) and the verdicts against the goals.
struct SoakReport {
    struct Row {
        var minutes: Double
        var rssMB: Double
        var cpuPercent: Double
        var descriptors: DescriptorCensus
        var threads: Int
        var operationsPerSecond: Double
        var keypressMedianMs: Double
        var keypressMaxMs: Double
        var stalls: Int
        /// The dashboard's own input → frame (``SoakDashboard/ownLatencies()``), over the same minute.
        var ownMedianMs: Double
        var ownMaxMs: Double
        var published: Int
        var delivered: Int
        var events: [String]
    }

    var rows: [Row] = []
    var warmUpMinutes: Double
    /// How many connections each node may hold from the dashboard: one per use (see ``NodeUses``).
    var uses: NodeUses

    static let header =
        "  min   RSS MB  CPU %   fds  conn  thr   ops/s  key p50 ms  key max ms  >100ms  own p50  own max  published  delivered  events"

    static func line(_ row: Row) -> String {
        String(
            format: "%5.1f  %7.1f  %5.1f  %4d  %4d  %3d  %6.0f  %10.1f  %10.1f  %6d  %7.1f  %7.1f  %9d  %9d  %@", row.minutes, row.rssMB, row.cpuPercent,
            row.descriptors.total, row.descriptors.connections, row.threads, row.operationsPerSecond, row.keypressMedianMs, row.keypressMaxMs, row.stalls,
            row.ownMedianMs, row.ownMaxMs, row.published, row.delivered,
            row.events.joined(separator: "; "))
    }

    /// Least-squares slope of `value` over the rows after the warm-up, as % of their mean per
    /// hour, and the largest distance of a row from that mean, as % of the mean.
    func trend(_ value: (Row) -> Double) -> (slopePerHour: Double, maxDeviation: Double, mean: Double, count: Int)? {
        let points = rows.filter { $0.minutes >= warmUpMinutes }.map { (x: $0.minutes / 60, y: value($0)) }
        guard points.count >= 3 else { return nil }
        let n = Double(points.count)
        let meanX = points.map(\.x).reduce(0, +) / n
        let meanY = points.map(\.y).reduce(0, +) / n
        let sxx = points.map { ($0.x - meanX) * ($0.x - meanX) }.reduce(0, +)
        let sxy = points.map { ($0.x - meanX) * ($0.y - meanY) }.reduce(0, +)
        guard sxx > 0, meanY != 0 else { return (0, 0, meanY, points.count) }
        let deviation = points.map { abs($0.y - meanY) / meanY * 100 }.max() ?? 0
        return (sxy / sxx / meanY * 100, deviation, meanY, points.count)
    }

    /// The slopes and verdicts, as lines.
    ///
    /// Descriptors are judged by their parts, the total printed beside: on a base of about 26, one
    /// connection is 3.8% of the mean, and connections follow the topology (a failover's new
    /// primary is connected to when first routed to, a demoted one's closed within its idle
    /// timeout), so two in flight at once cross 5% while nothing leaks. A leak shows in the parts:
    /// the descriptors that are not connections growing, a node holding more connections than its
    /// uses (``NodeUses``), or the total's slope.
    func summary(allLatencies: [Double], ownLatencies: [Double], countShown: String, deliveredShownAs: String, delivered: Int, published: Int, failedPublishes: Int) -> [String] {
        var lines: [String] = []
        lines.append(String(format: "after the first %.1f min (least squares; %% of the mean per hour; largest distance of a row from the mean):", warmUpMinutes))
        let measures: [(String, (Row) -> Double, Bool)] = [
            ("RSS", { $0.rssMB }, true), ("descriptors", { Double($0.descriptors.total) }, true),
            ("  of them not connections (terminal, pipes, event loops, files)", { Double($0.descriptors.others) }, true),
            ("  of them connections", { Double($0.descriptors.connections) }, false), ("threads", { Double($0.threads) }, false),
            ("CPU", { $0.cpuPercent }, false),
        ]
        for (name, value, judged) in measures {
            guard let trend = trend(value) else {
                lines.append("  \(name): too few rows after the warm-up")
                continue
            }
            let verdict = judged ? (trend.maxDeviation <= 5 ? "  → flat within ±5%: MET" : "  → flat within ±5%: NOT MET") : ""
            lines.append(
                String(format: "  %@: mean %.1f, slope %+.2f%%/h, largest deviation %.1f%% over %d rows%@", name, trend.mean, trend.slopePerHour, trend.maxDeviation, trend.count, verdict))
        }
        let censuses = rows.filter { $0.minutes >= warmUpMinutes }.map(\.descriptors)
        lines.append(uses.verdict(censuses))
        let othersFlat = trend { Double($0.descriptors.others) }.map { $0.maxDeviation <= 5 } ?? false
        let totalLevel = trend { Double($0.descriptors.total) }.map { abs($0.slopePerHour) <= 5 } ?? false
        let noLeak = othersFlat && uses.isMet(censuses) && totalLevel
        lines.append(
            "  descriptors by their parts (not connections flat within ±5%, connections one per use, the total's slope within ±5%/h) → no leak: \(noLeak ? "MET" : "NOT MET")"
        )
        lines += Self.latencyLine("keypress → frame (tmux send-keys → capture-pane, through one control-mode client; %d presses)", allLatencies)
        lines += Self.latencyLine(
            "input → frame inside the dashboard (its terminal thread reading the input → the frame answering it drawn; %d inputs)", ownLatencies)
        let lost = countShown != deliveredShownAs
        lines.append(
            "pub/sub: \(published) published (\(failedPublishes) batches failed), \(delivered) delivered by the server (sum of PUBLISH replies, shown as \(deliveredShownAs)); the pane counted \(countShown) → \(lost ? "NOT MET" : "MET (equal at the pane's precision)")"
        )
        return lines
    }

    /// "`title`: median, p99, max; over 100 ms: n → verdict", or nothing without latencies.
    private static func latencyLine(_ title: String, _ latencies: [Double]) -> [String] {
        let sorted = latencies.sorted()
        guard let slowest = sorted.last else { return [] }
        let stalls = sorted.filter { $0 > 0.1 }.count
        return [
            String(format: title, sorted.count)
                + String(
                    format: ": median %.1f ms, p99 %.1f ms, max %.1f ms; over 100 ms: %d → %@", median(sorted) * 1000,
                    sorted[min(sorted.count - 1, sorted.count * 99 / 100)] * 1000, slowest * 1000, stalls, stalls == 0 ? "MET" : "NOT MET")
        ]
    }
}
