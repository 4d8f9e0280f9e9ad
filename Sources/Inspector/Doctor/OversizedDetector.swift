/// Oversized entries: single keys above a size, and prefixes whose average entry is large (whole
/// rows cached where a summary would do).
public enum OversizedDetector {
    public static func findings(_ analysis: DoctorAnalysis, thresholds: DoctorThresholds = .default) -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        let big = analysis.largestKeys.filter { $0.memory >= thresholds.oversizedKeyBytes }
        if let first = big.first {
            findings.append(DoctorFinding(
                kind: .oversized,
                severity: first.memory >= thresholds.oversizedCriticalBytes ? .critical : .warning,
                title: big.count == 1
                    ? "a \(first.type) of \(Formatting.bytes(Double(first.memory))): \(DoctorText.key(first.key))"
                    : "\(big.count) keys of \(Formatting.bytes(Double(thresholds.oversizedKeyBytes))) or more, the largest \(Formatting.bytes(Double(first.memory)))",
                prefix: nil,
                keyCount: big.count,
                memory: big.reduce(0) { $0 + $1.memory },
                exampleKeys: big.map(\.key),
                details: big.prefix(DoctorFinding.maximumExamples).map { "\($0.type) \(Formatting.bytes(Double($0.memory)))  \(DoctorText.key($0.key))" }
                    + ["largest by type: " + analysis.largestByType.filter { $0.memory > 0 }
                        .map { "\($0.type) \(Formatting.bytes(Double($0.memory)))" }.joined(separator: ", ")],
                suggestion: "Large values block the server while read, written, expired or deleted, and cost network on every hit: cache a smaller projection, split the value, or compress it; delete with UNLINK."))
        }
        let heavy = analysis.profiles
            .filter { $0.keyCount >= thresholds.oversizedPrefixMinimumKeys && $0.averageMemory >= thresholds.oversizedAverageBytes }
            .sorted { $0.averageMemory > $1.averageMemory }
        for profile in heavy {
            let name = DoctorText.prefix(profile.prefix)
            findings.append(DoctorFinding(
                kind: .oversized,
                severity: .warning,
                title: "\(name) entries average \(Formatting.bytes(Double(profile.averageMemory))) (\(profile.keyCount) keys, \(Formatting.bytes(Double(profile.memory))))",
                prefix: profile.prefix,
                keyCount: profile.keyCount,
                memory: profile.memory,
                exampleKeys: [profile.largestKey],
                details: ["largest: \(DoctorText.key(profile.largestKey)) \(Formatting.bytes(Double(profile.largestMemory)))"],
                suggestion: "Whole rows cached where a summary would do: cache only the fields the readers use."))
        }
        return findings
    }

    /// The prefixes with the largest average entry, largest first (for the view, findings or not).
    public static func largestAverages(_ analysis: DoctorAnalysis, count: Int = 5) -> [PrefixProfile] {
        Array(analysis.profiles.filter { $0.keyCount > 0 }.sorted { $0.averageMemory > $1.averageMemory }.prefix(count))
    }
}
