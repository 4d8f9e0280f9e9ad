// A moment of a recording named on the command line (`FILE@14:03` or `FILE@14:03:20`, UTC).
import Foundation

/// A time of day, UTC, as `HH:MM` or `HH:MM:SS`; it resolves to the last sample at or before it.
public struct RecordingMoment: Sendable, Equatable, CustomStringConvertible {
    /// Seconds since midnight, UTC.
    public var secondsOfDay: Int
    /// 60 when written without seconds, else 1: a moment names its whole minute or second.
    public var precision: Int
    public var description: String

    /// Parses `HH:MM` or `HH:MM:SS` (24-hour); nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let hours = Int(parts[0]), let minutes = Int(parts[1]), (0..<24).contains(hours), (0..<60).contains(minutes)
        else { return nil }
        let seconds = parts.count == 3 ? Int(parts[2]) : 0
        guard let seconds, (0..<60).contains(seconds) else { return nil }
        secondsOfDay = hours * 3600 + minutes * 60 + seconds
        precision = parts.count == 3 ? 1 : 60
        description = text
    }

    /// The recording time (milliseconds since its start) of the last sample at or before this
    /// moment, on the first day of the recording where the moment falls inside it. A moment just
    /// before the first sample but in the same minute (`HH:MM`) or second resolves to that sample.
    ///
    /// - Throws: ``RecordingMomentError`` when the recording holds no sample, or none near the moment.
    public func resolve(in reader: RecordingReader) throws -> Int64 {
        guard let bounds = try reader.bounds() else { throw RecordingMomentError.empty }
        let start = reader.startedAtMilliseconds + bounds.lowerBound
        let end = reader.startedAtMilliseconds + bounds.upperBound
        let day: Int64 = 86_400_000
        var candidate = start - start % day + Int64(secondsOfDay) * 1000
        // A recording past midnight: the moment may be on a later day.
        while candidate + Int64(precision) * 1000 <= start { candidate += day }
        guard candidate <= end else {
            throw RecordingMomentError.outside(moment: description, span: Self.clock(start) + "–" + Self.clock(end) + " UTC")
        }
        let t = candidate - reader.startedAtMilliseconds
        return try reader.lastSampleTime(atOrBefore: t) ?? bounds.lowerBound
    }

    /// Wall-clock milliseconds as `HH:MM:SS`, UTC.
    public static func clock(_ milliseconds: Int64) -> String {
        let seconds = Int((milliseconds / 1000) % 86_400)
        return String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }
}

/// Why a moment does not name a part of a recording.
public enum RecordingMomentError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case outside(moment: String, span: String)

    public var description: String {
        switch self {
        case .empty: "the recording holds no sample"
        case .outside(let moment, let span): "\(moment) is outside the recording, which runs \(span)"
        }
    }
}
