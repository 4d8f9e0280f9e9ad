/// Figures as the report writes them: bytes, rates, ratios.
enum ReportFormat {
    static func bytes(_ value: Double) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var v = value
        var unit = 0
        while v >= 1024, unit < units.count - 1 {
            v /= 1024
            unit += 1
        }
        return unit == 0 ? "\(Int(v)) B" : "\(decimal(v)) \(units[unit])"
    }

    /// `+15.3 MB`, `-2.0 KB`, `0 B`.
    static func signedBytes(_ value: Double) -> String {
        value > 0 ? "+" + bytes(value) : value < 0 ? "-" + bytes(-value) : "0 B"
    }

    static func number(_ value: Double) -> String {
        if value >= 1_000_000 { return "\(decimal(value / 1_000_000))M" }
        if value >= 10_000 { return "\(decimal(value / 1000))k" }
        return value == value.rounded() ? "\(Int(value))" : decimal(value)
    }

    /// `3m 05s`, `1h 02m`, `45s`.
    static func duration(milliseconds: Int64) -> String {
        let seconds = max(milliseconds, 0) / 1000
        if seconds >= 3600 { return "\(seconds / 3600)h \(twoDigits((seconds % 3600) / 60))m" }
        if seconds >= 60 { return "\(seconds / 60)m \(twoDigits(seconds % 60))s" }
        return "\(seconds)s"
    }

    static func twoDigits(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
