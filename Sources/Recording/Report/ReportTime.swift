import Foundation

/// Moments in a report: parsing `--from`/`--to` (HH:MM[:SS] or an ISO 8601 date-time) into
/// recording milliseconds, and writing recording times as wall-clock times.
public enum ReportTime {
    /// Why a time could not be read.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// `text` as milliseconds since the recording's start (`startedAt`, ms since 1970). `HH:MM[:SS]`
    /// is the time of day in `timeZone` on the day the recording started (the next day when that
    /// is before the start and the recording crosses midnight).
    public static func parse(_ text: String, startedAt: Int64, timeZone: TimeZone = .current) throws -> Int64 {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
            let numbers = parts.compactMap { Int($0) }
            guard numbers[0] < 24, numbers[1] < 60, numbers.count < 3 || numbers[2] < 60 else {
                throw ParseError(description: "\(text) is not a time of day (HH:MM or HH:MM:SS)")
            }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let start = Date(timeIntervalSince1970: Double(startedAt) / 1000)
            let day = calendar.startOfDay(for: start)
            let seconds = numbers[0] * 3600 + numbers[1] * 60 + (numbers.count == 3 ? numbers[2] : 0)
            var moment = Int64((day.timeIntervalSince1970 + Double(seconds)) * 1000) - startedAt
            if moment < -1000 { moment += 86_400_000 }
            return max(moment, 0)
        }
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime],
            [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate],
        ] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            formatter.timeZone = timeZone
            if let date = formatter.date(from: text) { return Int64(date.timeIntervalSince1970 * 1000) - startedAt }
        }
        throw ParseError(description: "\(text) is not a time: use HH:MM, HH:MM:SS or an ISO 8601 date-time (2026-12-05T14:03:20Z)")
    }

    /// Recording time `t` as `HH:MM:SS` in `timeZone`.
    public static func clock(_ t: Int64, startedAt: Int64, timeZone: TimeZone = .current) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: Double(startedAt + t) / 1000))
    }

    /// Recording time `t` as `yyyy-MM-dd HH:mm:ss xxx` in `timeZone`.
    public static func dateTime(_ t: Int64, startedAt: Int64, timeZone: TimeZone = .current) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss xxx"
        return formatter.string(from: Date(timeIntervalSince1970: Double(startedAt + t) / 1000))
    }
}

/// How a report writes recording times: wall-clock times of day in one time zone, and the date
/// where a reader needs it (the window's start).
public struct ReportClock: Sendable {
    /// `meta.started_at_ms`: wall clock of `t = 0`, milliseconds since 1970.
    public var startedAt: Int64
    public var timeZone: TimeZone

    public init(startedAt: Int64, timeZone: TimeZone = .current) {
        self.startedAt = startedAt
        self.timeZone = timeZone
    }

    /// `t` as `HH:MM:SS`.
    public func time(_ t: Int64) -> String { ReportTime.clock(t, startedAt: startedAt, timeZone: timeZone) }

    /// `t` as `yyyy-MM-dd HH:mm:ss xxx`.
    public func dateTime(_ t: Int64) -> String { ReportTime.dateTime(t, startedAt: startedAt, timeZone: timeZone) }
}
