/// Eviction pressure: what the eviction policy can do with these keys and this much memory.
/// - `volatile-*` evicts only keys WITH a TTL: with most keys lacking one, little or nothing can
///   be evicted, and writes fail at `maxmemory` as under `noeviction`.
/// - `noeviction` near `maxmemory`: writes will fail with OOM.
/// - `allkeys-*` near the limit: the cache is evicting; fine by design, said as info.
public enum EvictionPressureDetector {
    public static func findings(_ analysis: DoctorAnalysis, _ context: EvictionContext,
                                thresholds: DoctorThresholds = .default) -> [DoctorFinding] {
        guard let policy = context.policy else { return [] }
        var findings: [DoctorFinding] = []
        let share = context.memoryShare
        let memoryLine = share.map { "used memory: \(Formatting.bytes(Double(context.usedMemory ?? 0))) of maxmemory \(Formatting.bytes(Double(context.maxMemory ?? 0))) (\(Formatting.percent($0, decimals: 0)))" }
            ?? "used memory: \(context.usedMemory.map { Formatting.bytes(Double($0)) } ?? "unknown"), maxmemory: \(context.maxMemory == 0 ? "no limit" : "unknown")"
        if policy.hasPrefix("volatile-"), analysis.persistentShare >= thresholds.volatileTTLlessShare, analysis.persistentCount > 0 {
            let near = (share ?? 0) >= thresholds.memoryWarningShare
            findings.append(DoctorFinding(
                kind: .evictionPressure,
                severity: near ? .critical : .warning,
                title: "\(policy) but \(Formatting.percent(analysis.persistentShare, decimals: 0)) of keys have no TTL: \(analysis.persistentShare >= 0.99 ? "nothing" : "little") can be evicted",
                keyCount: analysis.persistentCount,
                memory: analysis.persistentMemory,
                details: ["keys without TTL: \(analysis.persistentCount) of \(analysis.persistentCount + analysis.expiringCount), \(Formatting.bytes(Double(analysis.persistentMemory)))",
                          memoryLine],
                suggestion: "Under \(policy) only keys with a TTL are evicted: give cache keys TTLs (see the missing-TTL findings) or switch to allkeys-lru / allkeys-lfu if every key is a cache entry."))
        }
        if policy == "noeviction", let share, share >= thresholds.memoryWarningShare {
            findings.append(DoctorFinding(
                kind: .evictionPressure,
                severity: share >= thresholds.memoryCriticalShare ? .critical : .warning,
                title: "noeviction at \(Formatting.percent(share, decimals: 0)) of maxmemory: writes will fail with OOM",
                memory: context.usedMemory ?? 0,
                details: [memoryLine],
                suggestion: "A cache should evict: set maxmemory-policy to allkeys-lru or allkeys-lfu, or raise maxmemory."))
        }
        if policy.hasPrefix("allkeys-"), let share, share >= thresholds.memoryCriticalShare {
            findings.append(DoctorFinding(
                kind: .evictionPressure,
                severity: .info,
                title: "\(policy) at \(Formatting.percent(share, decimals: 0)) of maxmemory: the cache is evicting",
                memory: context.usedMemory ?? 0,
                details: [memoryLine],
                suggestion: "Evictions are expected at the limit; watch the hit rate, and the evicted_keys rate on the Overview."))
        }
        return findings
    }
}
