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
            let perMinute =
                profile.medianRemaining >= thresholds.waveMinuteMinimumTTL
                && profile.peakPerMinute >= thresholds.waveMinimumKeys && minuteShare >= thresholds.waveMinuteShare
            guard perSecond || perMinute else { return nil }
            let count = perSecond ? profile.peakPerSecond : profile.peakPerMinute
            let share = perSecond ? secondShare : minuteShare
            let facts = FindingFacts.ExpiryWave(
                window: perSecond ? .second : .minute, share: share, expiringKeys: profile.expiringCount,
                peakPerSecond: profile.peakPerSecond, peakPerMinute: profile.peakPerMinute,
                secondsUntilPeak: profile.peakSecondStart > 0 && perSecond ? max(0, profile.peakSecondStart - analysis.now) / 1000 : nil,
                medianRemaining: profile.medianRemaining)
            return DoctorFinding(
                .expiryWave(facts),
                severity: share >= 0.5 && count >= 1000 ? .critical : .warning,
                prefix: profile.prefix,
                keyCount: count,
                memory: 0,
                exampleKeys: profile.waveExamples,
                histogram: profile.histogram)
        }
    }
}
