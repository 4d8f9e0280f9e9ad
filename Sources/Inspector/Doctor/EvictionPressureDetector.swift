/// Eviction pressure: what the eviction policy can do with these keys and this much memory.
/// - `volatile-*` evicts only keys WITH a TTL: with most keys lacking one, little or nothing can
///   be evicted, and writes fail at `maxmemory` as under `noeviction`.
/// - `noeviction` near `maxmemory`: writes will fail with OOM.
/// - `allkeys-*` near the limit: the cache is evicting; fine by design, said as info.
public enum EvictionPressureDetector {
    public static func findings(
        _ analysis: DoctorAnalysis, _ context: EvictionContext,
        thresholds: DoctorThresholds = .default
    ) -> [DoctorFinding] {
        guard let policy = context.policy else { return [] }
        var findings: [DoctorFinding] = []
        let share = context.memoryShare
        func facts(_ problem: FindingFacts.EvictionPressure.Problem) -> FindingFacts {
            .evictionPressure(FindingFacts.EvictionPressure(problem: problem, context: context))
        }
        if policy.hasPrefix("volatile-"), analysis.persistentShare >= thresholds.volatileTTLlessShare, analysis.persistentCount > 0 {
            let near = (share ?? 0) >= thresholds.memoryWarningShare
            findings.append(
                DoctorFinding(
                    facts(.volatileWithoutTTL(share: analysis.persistentShare, keys: analysis.persistentCount + analysis.expiringCount)),
                    severity: near ? .critical : .warning,
                    keyCount: analysis.persistentCount,
                    memory: analysis.persistentMemory))
        }
        if policy == "noeviction", let share, share >= thresholds.memoryWarningShare {
            findings.append(
                DoctorFinding(
                    facts(.noEvictionNearLimit),
                    severity: share >= thresholds.memoryCriticalShare ? .critical : .warning,
                    memory: context.usedMemory ?? 0))
        }
        if policy.hasPrefix("allkeys-"), let share, share >= thresholds.memoryCriticalShare {
            findings.append(DoctorFinding(facts(.allKeysEvicting), severity: .info, memory: context.usedMemory ?? 0))
        }
        return findings
    }
}
