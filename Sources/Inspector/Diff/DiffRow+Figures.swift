// Rows for figures: a number on each side, its change written in the figure's unit.
import Foundation

/// The unit of a compared figure: how its sides and its change are written.
public enum DiffUnit: Sendable {
    /// Bytes, in binary units.
    case bytes
    /// A whole count, written exactly (a few keys more must show).
    case count
    /// A ratio 0–1, written as a percentage; its change in percentage points.
    case ratio
    /// A rate per second.
    case perSecond
    /// Seconds, written in milliseconds.
    case milliseconds

    /// The smallest share a figure must move by to be a change: rates and latency jitter from
    /// one sample to the next, so a move under 5% is left out; counts and bytes are exact.
    public var minimumRelativeChange: Double {
        switch self {
        case .perSecond, .milliseconds: 0.05
        case .bytes, .count, .ratio: 0
        }
    }

    /// Whether a missing side means "not measured" (no lookups, no samples in the interval)
    /// rather than "did not exist".
    var missingIsUnmeasured: Bool {
        switch self {
        case .ratio, .perSecond, .milliseconds: true
        case .bytes, .count: false
        }
    }

    /// A value as a side of a row.
    public func text(_ value: Double) -> String {
        switch self {
        case .bytes: Formatting.bytes(value)
        case .count: value.isFinite && abs(value) < 9e18 ? String(Int64(value.rounded())) : "\(value)"
        case .ratio: Formatting.percent(value)
        case .perSecond: Formatting.number(value) + "/s"
        case .milliseconds: Formatting.milliseconds(value)
        }
    }

    /// A change, signed.
    public func change(_ delta: Double) -> String {
        let sign = delta < 0 ? "-" : "+"
        let magnitude = abs(delta)
        switch self {
        case .bytes: return sign + Formatting.bytes(magnitude)
        case .count: return sign + text(magnitude)
        case .ratio: return sign + String(format: "%.1f", magnitude * 100) + " pts"
        case .perSecond: return sign + Formatting.number(magnitude) + "/s"
        case .milliseconds: return sign + Formatting.milliseconds(magnitude)
        }
    }
}

extension DiffRow {
    /// The row for a figure that changed, or nil when both sides read the same.
    ///
    /// - Parameters:
    ///   - before: the figure before; nil when the thing did not exist (the change reads `added`).
    ///   - after: the figure after; nil when it no longer exists (`removed`).
    ///   - intervals: the 95% intervals of estimated figures; the row then says whether they overlap.
    /// - Returns: nil when both sides are missing or write the same text.
    public static func figure(
        _ section: DiffSection, node: String?, name: String, before: Double?, after: Double?, unit: DiffUnit,
        intervals: (before: ClosedRange<Double>, after: ClosedRange<Double>)? = nil, note: String? = nil
    ) -> DiffRow? {
        switch (before, after) {
        case (nil, nil):
            return nil
        case (let b?, nil):
            var row = DiffRow(section: section, node: node, name: name, before: unit.text(b), after: nil, change: unit.missingIsUnmeasured ? "no longer measured" : "removed", delta: -b, note: note)
            row.beforeValue = b
            return row
        case (nil, let a?):
            var row = DiffRow(section: section, node: node, name: name, before: nil, after: unit.text(a), change: unit.missingIsUnmeasured ? "now measured" : "added", delta: a, note: note)
            row.afterValue = a
            return row
        case (let b?, let a?):
            guard unit.text(b) != unit.text(a), abs(a - b) > unit.minimumRelativeChange * max(abs(a), abs(b)) else { return nil }
            var change = unit.change(a - b)
            if b > 0, unit != .ratio { change += " (" + (a >= b ? "+" : "-") + Formatting.percent(abs(a - b) / b, decimals: 0) + ")" }
            let overlap = intervals.map { $0.before.overlaps($0.after) }
            var row = DiffRow(
                section: section, node: node, name: name, before: unit.text(b), after: unit.text(a), change: change, delta: a - b,
                withinUncertainty: overlap, note: note)
            row.beforeValue = b
            row.afterValue = a
            return row
        }
    }

    /// The row for a text that changed (a parameter, a role), or nil when it did not.
    public static func text(_ section: DiffSection, node: String?, name: String, before: String?, after: String?, note: String? = nil) -> DiffRow? {
        guard before != after else { return nil }
        let change = before == nil ? "added" : after == nil ? "removed" : "changed"
        return DiffRow(section: section, node: node, name: name, before: before, after: after, change: change, note: note)
    }
}
