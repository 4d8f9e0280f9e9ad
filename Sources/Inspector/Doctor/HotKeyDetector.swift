/// Hot keys: the keys with the highest LFU counters (`OBJECT FREQ`, logarithmic, 0…255) among a
/// bounded sample, when the policy is LFU. A key is listed when its counter is at least the
/// threshold and above twice the sample's median (new keys start at 5).
public enum HotKeyDetector {
    public static func findings(_ sample: HotKeySample, thresholds: DoctorThresholds = .default) -> [DoctorFinding] {
        if let rounds = sample.recentUseRounds { return recentUseFindings(sample, rounds: rounds, thresholds: thresholds) }
        guard sample.isLFU, !sample.frequencies.isEmpty else { return [] }
        let sorted = sample.frequencies.map(\.frequency).sorted()
        let median = sorted[sorted.count / 2]
        let hot = sample.frequencies
            .filter { $0.frequency >= thresholds.hotKeyMinimumFrequency && $0.frequency > 2 * median }
            .prefix(thresholds.hotKeysListed)
        guard let top = hot.first else { return [] }
        return [DoctorFinding(
            kind: .hotKeys,
            severity: .info,
            title: "hottest key \(DoctorText.key(top.key)) (LFU counter \(top.frequency), median \(median))",
            prefix: nil,
            keyCount: hot.count,
            exampleKeys: hot.map(\.key),
            details: hot.map { "\($0.frequency)  \(DoctorText.key($0.key))" }
                + ["OBJECT FREQ over \(sample.sampled) sampled keys under \(sample.policy ?? "?")"],
            suggestion: "A hot key concentrates load on one node: cache it client-side (client tracking), or replicate it under several names and read one at random.")]
    }

    /// Without LFU: the sampled keys used within the last second in every round of the probe
    /// (`OBJECT IDLETIME` does not touch the key, so the probe does not heat what it measures).
    static func recentUseFindings(_ sample: HotKeySample, rounds: Int, thresholds: DoctorThresholds) -> [DoctorFinding] {
        let hot = sample.frequencies.filter { $0.frequency == rounds }.prefix(thresholds.hotKeysListed)
        guard let top = hot.first else { return [] }
        return [DoctorFinding(
            kind: .hotKeys,
            severity: .info,
            title: "hot key \(DoctorText.key(top.key)): used within the second in each of \(rounds) probes"
                + (hot.count > 1 ? " (and \(hot.count - 1) more)" : ""),
            prefix: nil,
            keyCount: hot.count,
            exampleKeys: hot.map(\.key),
            details: hot.map { "\($0.frequency)/\(rounds)  \(DoctorText.key($0.key))" }
                + ["OBJECT IDLETIME over \(sample.sampled) sampled keys, \(rounds) rounds one second apart (\(sample.sampled * rounds) read commands); the policy \(sample.policy ?? "?") keeps no use counters"],
            suggestion: "A hot key concentrates load on one node: cache it client-side (client tracking), or replicate it under several names and read one at random.")]
    }

    /// The note shown when hot keys were not looked for.
    public static func unavailableNote(_ sample: HotKeySample, thresholds: DoctorThresholds = .default) -> String? {
        if sample.isLFU || sample.recentUseRounds != nil { return nil }
        let rounds = thresholds.recentUseRounds
        return "hot keys: an LFU maxmemory-policy (allkeys-lfu, volatile-lfu) gives OBJECT FREQ; the policy is \(sample.policy ?? "unknown (CONFIG GET refused)"). Ask for the recent-use probe instead (h in the Doctor view, snapshot --doctor --hot-keys): \(thresholds.recentUseProbe), about \(rounds * thresholds.hotKeySample) read commands in \(rounds) s. MONITOR is not used: it costs the server about half its throughput while it runs."
    }
}
