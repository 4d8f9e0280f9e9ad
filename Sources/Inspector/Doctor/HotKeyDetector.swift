/// Hot keys: the keys with the highest LFU counters (`OBJECT FREQ`, logarithmic, 0…255) among a
/// bounded sample, when the policy is LFU. A key is listed when its counter is at least the
/// threshold and above twice the sample's median (new keys start at 5).
public enum HotKeyDetector {
    public static func findings(_ sample: HotKeySample, thresholds: DoctorThresholds = .default) -> [DoctorFinding] {
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

    /// The note shown when hot keys cannot be found without more load.
    public static func unavailableNote(_ sample: HotKeySample) -> String? {
        if sample.isLFU { return nil }
        return "hot keys: needs an LFU maxmemory-policy (allkeys-lfu or volatile-lfu) for OBJECT FREQ; the policy is \(sample.policy ?? "unknown (CONFIG GET refused)"). A MONITOR sample is not offered: it costs the server about half its throughput while it runs."
    }
}
