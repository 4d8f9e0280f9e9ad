// One estimated figure with its 95% interval (or an exact one, low = high = value).

/// A total estimated from a sample, with a 95% interval; exact figures have `low == high == value`.
///
/// The interval is the normal one, value ± 1.96 standard errors, with the standard error taken
/// from the sample itself; its low end never goes below what the sample itself saw. It covers
/// the sampling error of a walk that stopped part way, for a keyspace that holds still meanwhile:
/// not keys written or expired during the walk, and not lookups that failed.
public struct Estimate: Sendable, Hashable {
    public var value: Double
    public var low: Double
    public var high: Double

    /// The two-sided 95% quantile of the normal distribution.
    public static let z95 = 1.959963984540054

    /// A figure with the interval given.
    public init(value: Double, low: Double, high: Double) {
        self.value = value
        self.low = low
        self.high = high
    }

    /// An exact figure.
    public init(exact value: Double) {
        self.init(value: value, low: value, high: value)
    }

    /// An estimate with variance `variance`; `seen` is what the sample itself holds (a floor).
    public init(value: Double, variance: Double, seen: Double) {
        let half = Self.z95 * Swift.max(0, variance).squareRoot()
        let low = Swift.max(seen, value - half)
        self.init(value: value, low: low, high: Swift.max(low, value + half))
    }

    /// A count under Bernoulli sampling: `seen` keys drawn with probability `fraction` each, plus
    /// `exact` counted in full elsewhere. The interval is the score (Wilson) interval, the values
    /// N with |seen − N·f| ≤ 1.96·√(N·f·(1−f)): unlike value ± 1.96 standard errors it stays
    /// honest for a handful of keys seen (a prefix's few keys without TTL), where the sample's own
    /// variance is itself too noisy to trust.
    public init(count seen: Double, fraction f: Double, exact: Double = 0) {
        guard f > 0, f < 1 else {
            self.init(exact: exact + (f >= 1 ? seen : 0))
            return
        }
        let z2 = Self.z95 * Self.z95
        let b = 2 * seen * f + z2 * f * (1 - f)
        let root = Swift.max(0, b * b - 4 * f * f * seen * seen).squareRoot()
        let value = exact + seen / f
        self.init(value: value, low: exact + Swift.max(seen, (b - root) / (2 * f * f)), high: Swift.max(value, exact + (b + root) / (2 * f * f)))
    }

    /// Whether low = high = value.
    public var isExact: Bool { low == value && high == value }

    /// Half the interval's width as a share of the value (0 when exact or zero).
    public var relativeHalfWidth: Double { value > 0 ? (high - low) / 2 / value : 0 }

    /// Whether `truth` is inside the interval.
    public func covers(_ truth: Double) -> Bool { truth >= low && truth <= high }
}
