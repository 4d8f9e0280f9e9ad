/// Spreads TTLs so keys given one together do not all expire together (a stampede on expiry):
/// each TTL is `seconds × (1 + r)` with `r` uniform in `-jitter…+jitter`, rounded, at least 1 s.
public enum TTLJitter {
    /// The largest jitter accepted (±90%): more would give TTLs near zero.
    public static let maximum = 0.9

    /// One jittered TTL in seconds, drawn from the system's random source.
    ///
    /// There is no form taking a generator: passing a local `SystemRandomNumberGenerator` inout to a
    /// generic function crashes ThreadSanitizer builds (https://github.com/swiftlang/swift/issues/66099),
    /// and the tests check the bounds of what the server was given instead.
    /// - Parameters:
    ///   - seconds: the nominal TTL (> 0).
    ///   - jitter: the spread as a fraction, `0.1` = ±10%; clamped to `0…maximum`.
    public static func seconds(_ seconds: Int64, jitter: Double) -> Int64 {
        let spread = min(max(jitter.isNaN ? 0 : jitter, 0), maximum)
        guard spread > 0 else { return max(1, seconds) }
        return max(1, Int64((Double(seconds) * (1 + Double.random(in: -spread...spread))).rounded()))
    }
}
