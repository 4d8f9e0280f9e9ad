// The replay's clock and what its actions do: position, speed, pause, jumps. Pure, so it is tested without a terminal.
import Foundation

/// Where a replay stands and how fast it moves. Times are milliseconds since the recording started.
public struct ReplayClock: Sendable, Equatable {
    /// The speeds `[` and `]` step through.
    public static let speeds = [1, 2, 5, 10, 30, 60]

    public let bounds: ClosedRange<Int64>
    public let startedAtMilliseconds: Int64
    public let stepMilliseconds: Int64
    /// Transition moments of the recorded alerts (marks on the timeline, `t`'s targets).
    public let alertMoments: [Int64]
    public private(set) var position: Int64
    public private(set) var speed = 1
    public private(set) var paused = false

    public init(bounds: ClosedRange<Int64>, startedAtMilliseconds: Int64, stepMilliseconds: Int64, alertMoments: [Int64]) {
        self.bounds = bounds
        self.startedAtMilliseconds = startedAtMilliseconds
        self.stepMilliseconds = max(1, stepMilliseconds)
        self.alertMoments = alertMoments
        position = bounds.lowerBound
    }

    /// What a key asked of the clock.
    public enum Move: Sendable, Equatable {
        /// The clock moved forward continuously (no reset of what was shown).
        case advanced
        /// The clock jumped: what is shown must be rebuilt as at the new position.
        case jumped
        /// Only speed or pause changed.
        case changed
        /// A refusal to say on the status line.
        case refused(String)
    }

    /// Moves forward by `elapsed` real milliseconds at the current speed (nothing when paused or at the end).
    public mutating func advance(realMilliseconds elapsed: Int64) -> Bool {
        guard !paused, position < bounds.upperBound else { return false }
        position = min(bounds.upperBound, position + elapsed * Int64(speed))
        return true
    }

    /// Applies a replay action (the keymap's `replay…` actions); nil when `action` is not one.
    public mutating func perform(_ action: AppAction) -> Move? {
        switch action {
        case .replayPause:
            paused.toggle()
            return .changed
        case .replayFaster:
            speed = Self.speeds.first { $0 > speed } ?? speed
            return .changed
        case .replaySlower:
            speed = Self.speeds.last { $0 < speed } ?? speed
            return .changed
        case .replayStart: return jump(to: bounds.lowerBound)
        case .replayEnd: return jump(to: bounds.upperBound)
        case .replayStepForward, .replayStepBack:
            guard paused else { return .refused("replay: pause (Space) before stepping") }
            return jump(to: position + (action == .replayStepForward ? stepMilliseconds : -stepMilliseconds))
        case .replayNextAlert:
            guard let next = alertMoments.first(where: { $0 > position }) else { return .refused("replay: no alert transition after this moment") }
            return jump(to: next)
        default: return nil
        }
    }

    /// `:goto HH:MM[:SS]`: the wall-clock time of day within the recording (UTC, as the timeline shows it).
    public mutating func goto(_ text: String) -> Move {
        let parts = text.split(separator: ":").map { Int($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil }), let h = parts[0], let m = parts[1], (0..<24).contains(h), (0..<60).contains(m),
            (0..<60).contains(parts.count == 3 ? parts[2] ?? 0 : 0)
        else { return .refused("goto: \(text) is not a time (HH:MM:SS)") }
        let seconds = Int64(h * 3600 + m * 60 + (parts.count == 3 ? parts[2] ?? 0 : 0))
        let day: Int64 = 86_400_000
        let firstWall = startedAtMilliseconds + bounds.lowerBound
        // The first moment at or after the recording's first day with that time of day.
        var target = firstWall - firstWall % day + seconds * 1000 - startedAtMilliseconds
        if target < bounds.lowerBound - 999 { target += day }
        guard target >= bounds.lowerBound - 999, target <= bounds.upperBound + 999 else {
            return .refused("goto: \(text) is outside the recording (\(wallTime(bounds.lowerBound))–\(wallTime(bounds.upperBound)))")
        }
        return jump(to: target)
    }

    private mutating func jump(to target: Int64) -> Move {
        position = min(bounds.upperBound, max(bounds.lowerBound, target))
        return .jumped
    }

    /// `14:03:20` of recording time `t` (UTC).
    public func wallTime(_ t: Int64) -> String {
        let seconds = ((startedAtMilliseconds + t) / 1000) % 86_400
        return String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }
}
