extension FindingFacts {
    /// Keys of one prefix (the finding's `keyCount`) expiring within one window.
    public struct ExpiryWave: Sendable, Hashable {
        /// The window the wave was found in: one second, or one minute for long TTLs.
        public enum Window: Sendable, Hashable {
            case second
            case minute
        }

        public var window: Window
        /// Share of the prefix's expiring keys that expire within the window.
        public var share: Double
        /// Keys of the prefix with a TTL.
        public var expiringKeys: Int
        /// Most keys expiring within any one second, and within any one minute.
        public var peakPerSecond: Int
        public var peakPerMinute: Int
        /// Seconds until the busiest second begins, for a one-second wave whose start is known.
        public var secondsUntilPeak: Int64?
        /// Median remaining TTL of the expiring keys, seconds.
        public var medianRemaining: Int64

        public init(
            window: Window, share: Double, expiringKeys: Int, peakPerSecond: Int, peakPerMinute: Int,
            secondsUntilPeak: Int64?, medianRemaining: Int64
        ) {
            self.window = window
            self.share = share
            self.expiringKeys = expiringKeys
            self.peakPerSecond = peakPerSecond
            self.peakPerMinute = peakPerMinute
            self.secondsUntilPeak = secondsUntilPeak
            self.medianRemaining = medianRemaining
        }
    }
}
