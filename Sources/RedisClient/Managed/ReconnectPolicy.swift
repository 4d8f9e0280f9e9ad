/// Exponential backoff with jitter between reconnection attempts.
public struct ReconnectPolicy: Sendable, Hashable {
    /// The delay after the first failure.
    public var initialDelay: Duration
    /// The longest delay.
    public var maximumDelay: Duration
    /// Growth per failed attempt.
    public var multiplier: Double
    /// Random spread as a fraction of the delay (0.2 = ±20%), so many dashboards do not reconnect in step.
    public var jitter: Double

    /// Creates a policy; the defaults go 0.25 s, 0.5 s, 1 s … up to 10 s, ±20%.
    public init(initialDelay: Duration = .milliseconds(250), maximumDelay: Duration = .seconds(10), multiplier: Double = 2, jitter: Double = 0.2) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.multiplier = multiplier
        self.jitter = jitter
    }

    /// The delay before attempt `attempt` (1 for the first retry).
    public func delay(forAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        delay(forAttempt: attempt) { Double.random(in: $0, using: &generator) }
    }

    /// The delay before attempt `attempt`, jittered from the system's random source.
    ///
    /// Connections call this rather than passing a `SystemRandomNumberGenerator` to the generic
    /// form: that generator has no storage, and ThreadSanitizer builds crash on the inout access
    /// to it inside a generic function (https://github.com/swiftlang/swift/issues/66099).
    public func delay(forAttempt attempt: Int) -> Duration {
        delay(forAttempt: attempt) { Double.random(in: $0) }
    }

    /// Both forms: `draw` gives a uniform value in the range it is passed (asked only when there is jitter).
    private func delay(forAttempt attempt: Int, draw: (ClosedRange<Double>) -> Double) -> Duration {
        let spread = jitter > 0 ? draw(-jitter...jitter) : 0
        let base = Double(initialDelay.nanoseconds) * pow(multiplier, Double(max(0, attempt - 1)))
        let capped = min(base, Double(maximumDelay.nanoseconds))
        return .nanoseconds(Int64(max(0, capped * (1 + spread))))
    }

    /// The defaults.
    public static let `default` = ReconnectPolicy()

    private func pow(_ base: Double, _ exponent: Double) -> Double {
        var result = 1.0
        var remaining = Int(exponent)
        while remaining > 0 && result < 1e12 {
            result *= base
            remaining -= 1
        }
        return result
    }
}
