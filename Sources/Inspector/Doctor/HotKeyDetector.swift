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
        return finding(Array(hot), measure: .lfuCounter(median: median), sample)
    }

    /// Without LFU: the sampled keys used within the last second in every round of the probe
    /// (`OBJECT IDLETIME` does not touch the key, so the probe does not heat what it measures).
    static func recentUseFindings(_ sample: HotKeySample, rounds: Int, thresholds: DoctorThresholds) -> [DoctorFinding] {
        let hot = sample.frequencies.filter { $0.frequency == rounds }.prefix(thresholds.hotKeysListed)
        return finding(Array(hot), measure: .recentUse(rounds: rounds), sample)
    }

    /// One info finding listing `hot`, hottest first; none when nothing is hot.
    static func finding(
        _ hot: [(key: [UInt8], frequency: Int)], measure: FindingFacts.HotKeys.Measure,
        _ sample: HotKeySample
    ) -> [DoctorFinding] {
        guard !hot.isEmpty else { return [] }
        let facts = FindingFacts.HotKeys(
            measure: measure, keys: hot.map { FindingFacts.HotKeys.Key(key: $0.key, count: $0.frequency) },
            sampledKeys: sample.sampled, policy: sample.policy)
        return [DoctorFinding(.hotKeys(facts), severity: .info, prefix: nil, keyCount: hot.count, exampleKeys: hot.map(\.key))]
    }

    /// The note made when hot keys were not looked for, nil when they were.
    public static func unavailableNote(_ sample: HotKeySample, thresholds: DoctorThresholds = .default) -> DoctorNote? {
        if sample.isLFU || sample.recentUseRounds != nil { return nil }
        return .hotKeysNeedProbe(policy: sample.policy, probe: thresholds.recentUse)
    }
}
