/// Oversized entries: single keys above a size, and prefixes whose average entry is large (whole
/// rows cached where a summary would do).
public enum OversizedDetector {
    public static func findings(_ analysis: DoctorAnalysis, thresholds: DoctorThresholds = .default) -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        let big = analysis.largestKeys.filter { $0.memory >= thresholds.oversizedKeyBytes }
        if let first = big.first {
            let facts = FindingFacts.OversizedKeys(
                largest: big.prefix(DoctorFinding.maximumExamples).map(sized),
                threshold: thresholds.oversizedKeyBytes,
                largestByType: analysis.largestByType.filter { $0.memory > 0 }.map(sized))
            findings.append(
                DoctorFinding(
                    .oversizedKeys(facts),
                    severity: first.memory >= thresholds.oversizedCriticalBytes ? .critical : .warning,
                    prefix: nil,
                    keyCount: big.count,
                    memory: big.reduce(0) { $0 + $1.memory },
                    exampleKeys: big.map(\.key)))
        }
        let heavy = analysis.profiles
            .filter { $0.keyCount >= thresholds.oversizedPrefixMinimumKeys && $0.averageMemory >= thresholds.oversizedAverageBytes }
            .sorted { $0.averageMemory > $1.averageMemory }
        for profile in heavy {
            let facts = FindingFacts.OversizedPrefix(
                averageMemory: profile.averageMemory, largestKey: profile.largestKey,
                largestMemory: profile.largestMemory)
            findings.append(
                DoctorFinding(
                    .oversizedPrefix(facts),
                    severity: .warning,
                    prefix: profile.prefix,
                    keyCount: profile.keyCount,
                    memory: profile.memory,
                    exampleKeys: [profile.largestKey]))
        }
        return findings
    }

    static func sized(_ entry: KeyEntry) -> FindingFacts.SizedKey {
        FindingFacts.SizedKey(key: entry.key, type: entry.type, memory: entry.memory)
    }

    /// The prefixes with the largest average entry, largest first (for the view, findings or not).
    public static func largestAverages(_ analysis: DoctorAnalysis, count: Int = 5) -> [PrefixProfile] {
        Array(analysis.profiles.filter { $0.keyCount > 0 }.sorted { $0.averageMemory > $1.averageMemory }.prefix(count))
    }
}
