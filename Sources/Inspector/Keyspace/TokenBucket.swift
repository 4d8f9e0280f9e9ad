/// A token bucket holding a ceiling on commands per second: `rate` tokens refill per second up to
/// `burst`; taking more than is there leaves a debt that must be slept off first. Pure (the
/// caller passes the time), so it is tested without clocks.
public struct TokenBucket: Sendable {
    /// Tokens added per second.
    public let rate: Double
    /// Most tokens held at once.
    public let burst: Double
    private var tokens: Double
    private var last: Double?

    /// - Parameters:
    ///   - rate: commands per second allowed on average.
    ///   - burst: commands allowed at once after idling (defaults to a tenth of a second's worth,
    ///     at least 1).
    public init(rate: Double, burst: Double? = nil) {
        precondition(rate > 0, "a rate ceiling must be positive")
        self.rate = rate
        self.burst = burst ?? Swift.max(1, rate / 10)
        self.tokens = self.burst
    }

    /// Takes `count` tokens at time `now` (seconds, any monotonic origin).
    /// - Returns: how long to wait, in seconds, before sending (0 when within the ceiling).
    public mutating func take(_ count: Int, now: Double) -> Double {
        if let last { tokens = Swift.min(burst, tokens + (now - last) * rate) }
        last = now
        tokens -= Double(count)
        return tokens >= 0 ? 0 : -tokens / rate
    }
}
