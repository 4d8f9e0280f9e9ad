/// Seconds on a monotonic clock since the process started using it: what samples, alerts and
/// countdowns are timed with (wall-clock jumps must not make a rate negative).
public enum MonotonicClock {
    private static let origin = ContinuousClock.now

    /// Seconds since the first call in this process.
    public static func now() -> Double {
        seconds(ContinuousClock.now - origin)
    }

    /// A `Duration` as seconds.
    public static func seconds(_ duration: Duration) -> Double {
        let (s, attoseconds) = duration.components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
