/// Keys that never expire in a prefix where most keys do: a cache entry without TTL is a leak
/// (it stays until evicted or deleted by hand). One finding per prefix, with the count and memory
/// of its TTL-less keys and a fix: give them a TTL near the prefix's own, with jitter.
public enum MissingTTLDetector {
    public static func findings(_ analysis: DoctorAnalysis, thresholds: DoctorThresholds = .default) -> [DoctorFinding] {
        analysis.profiles.compactMap { profile in
            guard profile.keyCount >= thresholds.missingTTLMinimumKeys, profile.persistentCount > 0,
                  profile.expiringShare >= thresholds.missingTTLExpiringShare else { return nil }
            let name = DoctorText.prefix(profile.prefix)
            // The suggested TTL: what most of the prefix still has left (90th percentile), at least a minute.
            let seconds = max(60, profile.p90Remaining)
            let pattern = GlobPattern.prefix(profile.prefix)
            return DoctorFinding(
                kind: .missingTTL,
                severity: profile.persistentMemory >= thresholds.missingTTLCriticalMemory ? .critical : .warning,
                title: "\(profile.persistentCount) keys without TTL in \(name) (\(Formatting.percent(profile.expiringShare, decimals: 0)) of its keys expire)",
                prefix: profile.prefix,
                keyCount: profile.persistentCount,
                memory: profile.persistentMemory,
                exampleKeys: profile.persistentExamples,
                details: [
                    "keys in prefix: \(profile.keyCount), with TTL: \(profile.expiringCount), without: \(profile.persistentCount)",
                    "memory without TTL: \(Formatting.bytes(Double(profile.persistentMemory))) of \(Formatting.bytes(Double(profile.memory)))",
                    "TTL left on the others: median \(Formatting.duration(Double(profile.medianRemaining))), 90th percentile \(Formatting.duration(Double(profile.p90Remaining)))",
                ],
                suggestion: "Set a TTL wherever \(name) keys are written; meanwhile give the existing ones a TTL of about \(Formatting.duration(Double(seconds))) with ±10% jitter.",
                fix: profile.prefix.isEmpty ? nil : .addTTL(pattern: pattern, seconds: seconds, jitter: 0.1))
        }
    }
}
