/// Spreads TTLs so keys given one together do not all expire together (a stampede on expiry):
/// each TTL is `seconds × (1 + r)` with `r` uniform in `-jitter…+jitter`, rounded, at least 1 s.
public enum TTLJitter {
    /// The largest jitter accepted (±90%): more would give TTLs near zero.
    public static let maximum = 0.9

    /// One jittered TTL in seconds.
    /// - Parameters:
    ///   - seconds: the nominal TTL (> 0).
    ///   - jitter: the spread as a fraction, `0.1` = ±10%; clamped to `0…maximum`.
    public static func seconds(_ seconds: Int64, jitter: Double, using generator: inout some RandomNumberGenerator) -> Int64 {
        let spread = clamped(jitter)
        guard spread > 0 else { return max(1, seconds) }
        return apply(seconds, factor: 1 + Double.random(in: -spread...spread, using: &generator))
    }

    /// One jittered TTL in seconds, drawn from the system's random source.
    ///
    /// Production code calls this rather than passing a local `SystemRandomNumberGenerator` to the
    /// generic form: that generator has no storage, and ThreadSanitizer builds crash on the inout
    /// access to it inside a generic function (https://github.com/swiftlang/swift/issues/66099).
    public static func seconds(_ seconds: Int64, jitter: Double) -> Int64 {
        let spread = clamped(jitter)
        guard spread > 0 else { return max(1, seconds) }
        return apply(seconds, factor: 1 + Double.random(in: -spread...spread))
    }

    private static func clamped(_ jitter: Double) -> Double { min(max(jitter.isNaN ? 0 : jitter, 0), maximum) }

    private static func apply(_ seconds: Int64, factor: Double) -> Int64 {
        max(1, Int64((Double(seconds) * factor).rounded()))
    }
}
