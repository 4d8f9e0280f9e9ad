#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Times and counts as the Pub/Sub pane prints them.
enum PubSubFormat {
    /// Wall-clock nanoseconds as local `HH:MM:SS.mmm`.
    static func time(_ nanoseconds: Int64) -> String {
        var seconds = time_t(nanoseconds / 1_000_000_000)
        var parts = tm()
        localtime_r(&seconds, &parts)
        let millis = Int((nanoseconds % 1_000_000_000) / 1_000_000)
        return two(Int(parts.tm_hour)) + ":" + two(Int(parts.tm_min)) + ":" + two(Int(parts.tm_sec)) + "." + three(millis)
    }

    /// A span of wall-clock nanoseconds as `1.2s`.
    static func span(_ nanoseconds: Int64) -> String {
        let seconds = Double(max(0, nanoseconds)) / 1e9
        if seconds < 10 {
            let tenths = Int((seconds * 10).rounded())
            return "\(tenths / 10).\(tenths % 10)s"
        }
        return String(Int(seconds.rounded())) + "s"
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    private static func three(_ n: Int) -> String { n < 10 ? "00\(n)" : (n < 100 ? "0\(n)" : "\(n)") }
}
