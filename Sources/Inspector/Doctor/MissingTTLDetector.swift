/// Keys that never expire in a prefix where most keys do: a cache entry without TTL is a leak
/// (it stays until evicted or deleted by hand). One finding per prefix, with the count and memory
/// of its TTL-less keys and a fix: give them a TTL near the prefix's own, with jitter.
public enum MissingTTLDetector {
    /// The jitter of the suggested TTL (±10%).
    static let suggestedJitter = 0.1

    public static func findings(_ analysis: DoctorAnalysis, thresholds: DoctorThresholds = .default) -> [DoctorFinding] {
        analysis.profiles.compactMap { profile in
            guard profile.keyCount >= thresholds.missingTTLMinimumKeys, profile.persistentCount > 0,
                profile.expiringShare >= thresholds.missingTTLExpiringShare
            else { return nil }
            // The suggested TTL: what most of the prefix still has left (90th percentile), at least a minute.
            let seconds = max(60, profile.p90Remaining)
            var facts = FindingFacts.MissingTTL(
                prefixKeys: profile.keyCount, expiringKeys: profile.expiringCount, prefixMemory: profile.memory,
                medianRemaining: profile.medianRemaining, p90Remaining: profile.p90Remaining,
                suggestedTTL: seconds, suggestedJitter: suggestedJitter)
            facts.prefixKeysExact = profile.keyCountExact
            return DoctorFinding(
                .missingTTL(facts),
                severity: profile.persistentMemory >= thresholds.missingTTLCriticalMemory ? .critical : .warning,
                prefix: profile.prefix,
                keyCount: profile.persistentCount,
                memory: profile.persistentMemory,
                exampleKeys: profile.persistentExamples,
                fix: profile.prefix.isEmpty
                    ? nil
                    : .addTTL(pattern: GlobPattern.prefix(profile.prefix), seconds: seconds, jitter: suggestedJitter))
        }
    }
}
