/// Expiry waves: a large share of one prefix's keys expiring within the same second (or, for long
/// TTLs, the same minute) — keys written together with one fixed TTL, which then all miss together
/// and stampede the database. Found with a sliding window over the sorted deadlines, so a wave that
/// straddles a clock second is still one wave.
public enum ExpiryWaveDetector {
    public static func findings(_ analysis: DoctorAnalysis, thresholds: DoctorThresholds = .default) -> [DoctorFinding] {
        analysis.profiles.compactMap { profile in
            guard profile.expiringCount > 0 else { return nil }
            let expiring = Double(profile.expiringCount)
            let secondShare = Double(profile.peakPerSecond) / expiring
            let minuteShare = Double(profile.peakPerMinute) / expiring
            let perSecond = profile.peakPerSecond >= thresholds.waveMinimumKeys && secondShare >= thresholds.waveSecondShare
            let perMinute = profile.medianRemaining >= thresholds.waveMinuteMinimumTTL
                && profile.peakPerMinute >= thresholds.waveMinimumKeys && minuteShare >= thresholds.waveMinuteShare
            guard perSecond || perMinute else { return nil }
            let name = DoctorText.prefix(profile.prefix)
            let count = perSecond ? profile.peakPerSecond : profile.peakPerMinute
            let share = perSecond ? secondShare : minuteShare
            let window = perSecond ? "second" : "minute"
            let inSeconds = max(0, profile.peakSecondStart - analysis.now) / 1000
            return DoctorFinding(
                kind: .expiryWave,
                severity: share >= 0.5 && count >= 1000 ? .critical : .warning,
                title: "\(count) keys of \(name) expire within the same \(window) (\(Formatting.percent(share, decimals: 0)) of its expiring keys)",
                prefix: profile.prefix,
                keyCount: count,
                memory: 0,
                exampleKeys: profile.waveExamples,
                details: [
                    "expiring keys in prefix: \(profile.expiringCount)",
                    "busiest second: \(profile.peakSecondStart > 0 && perSecond ? "\(profile.peakPerSecond) keys, in \(Formatting.duration(Double(inSeconds)))" : "\(profile.peakPerSecond) keys")",
                    "busiest minute: \(profile.peakPerMinute) keys",
                    "TTL left: median \(Formatting.duration(Double(profile.medianRemaining)))",
                ],
                histogram: profile.histogram,
                suggestion: "TTL set without jitter: add ±10–20% random jitter to the TTL where \(name) keys are written, so they do not all miss at once (or refresh early, stale-while-revalidate).")
        }
    }
}
