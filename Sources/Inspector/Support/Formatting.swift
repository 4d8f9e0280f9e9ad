import Foundation

/// How figures are written on screen and in reports: short, fixed precision, human units.
public enum Formatting {
    /// `0.753` → `"75.3%"`.
    public static func percent(_ fraction: Double, decimals: Int = 1) -> String {
        let v = fraction * 100
        guard v.isFinite, abs(v) < 1e15 else { return String(format: "%g%%", v) }  // Int(…) would trap
        if decimals == 0 || v == v.rounded() && v >= 10 { return "\(Int(v.rounded()))%" }
        return String(format: "%.\(decimals)f%%", v)
    }

    /// A count or rate in at most 5 characters: `950`, `12.3k`, `1.6M`.
    public static func number(_ value: Double) -> String {
        let a = abs(value)
        switch a {
        case ..<1000:
            if value == value.rounded() { return String(Int(value)) }
            return String(format: a < 10 ? "%.2f" : "%.1f", value)
        case ..<1_000_000: return String(format: a < 10_000 ? "%.2fk" : "%.1fk", value / 1000)
        case ..<1_000_000_000: return String(format: a < 10_000_000 ? "%.2fM" : "%.1fM", value / 1_000_000)
        default: return String(format: "%.2fG", value / 1_000_000_000)
        }
    }

    /// Bytes in binary units: `894.9K`, `1.20G`.
    public static func bytes(_ value: Double) -> String {
        let units = ["B", "K", "M", "G", "T"]
        guard value.isFinite else { return value.isNaN ? "-" : "∞" }  // Int(…) would trap
        var v = value
        var i = 0
        while abs(v) >= 1024, i < units.count - 1 {
            v /= 1024
            i += 1
        }
        if i == 0 { return "\(Int(v))B" }
        return String(format: abs(v) < 10 ? "%.2f%@" : "%.1f%@", v, units[i])
    }

    /// Seconds as `45s`, `5m`, `1h30m`, `2d3h`.
    public static func duration(_ seconds: Double) -> String {
        // Int(…) traps beyond Int's range; such a value is a bug or a hostile config, not a time.
        guard seconds.isFinite, abs(seconds) < 1e15 else { return seconds.isNaN ? "-" : "∞" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return s % 60 == 0 ? "\(s / 60)m" : "\(s / 60)m\(s % 60)s" }
        if s < 86400 { return s % 3600 == 0 ? "\(s / 3600)h" : "\(s / 3600)h\((s % 3600) / 60)m" }
        return s % 86400 == 0 ? "\(s / 86400)d" : "\(s / 86400)d\((s % 86400) / 3600)h"
    }

    /// Milliseconds with sensible precision: `0.21ms`, `12ms`.
    public static func milliseconds(_ seconds: Double) -> String {
        let ms = seconds * 1000
        if ms < 10 { return String(format: "%.2fms", ms) }
        return String(format: "%.0fms", ms)
    }
}
