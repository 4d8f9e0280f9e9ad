import Inspector

/// The cache doctor in words: a finding's title, evidence lines and suggestion, a fix, a note, the
/// coverage and the recent-use probe, each a pure function of the facts Inspector found. The
/// Doctor view and the report's text and JSON forms read them, so every screen says the same.
///
/// Key and prefix names are escaped as in the audit log (`\xNN` outside printable ASCII); the view
/// still passes every line through the sanitiser.
public enum DoctorWording {
    /// A finding's sentences.
    public struct FindingText: Sendable, Hashable {
        /// One line, e.g. `40 keys without TTL in user:* (83% of its keys expire)`.
        public var title: String
        /// Lines of evidence, e.g. `keys in prefix: 240, with TTL: 200, without: 40`.
        public var details: [String]
        /// What to do.
        public var suggestion: String
    }

    public static func title(_ finding: DoctorFinding) -> String { text(finding).title }
    public static func details(_ finding: DoctorFinding) -> [String] { text(finding).details }
    public static func suggestion(_ finding: DoctorFinding) -> String { text(finding).suggestion }

    /// Every sentence of `finding`.
    public static func text(_ finding: DoctorFinding) -> FindingText {
        switch finding.facts {
        case .missingTTL(let facts): missingTTL(facts, finding)
        case .expiryWave(let facts): expiryWave(facts, finding)
        case .oversizedKeys(let facts): oversizedKeys(facts, finding)
        case .oversizedPrefix(let facts): oversizedPrefix(facts, finding)
        case .secrets(let facts): secrets(facts, finding)
        case .staleLock(let facts): staleLock(facts)
        case .hotKeys(let facts): hotKeys(facts)
        case .evictionPressure(let facts): evictionPressure(facts, finding)
        case .expiringFieldsInPersistentHash(let facts): expiringFieldsInPersistentHash(facts)
        case .fieldExpiryWave(let facts): fieldExpiryWave(facts)
        }
    }

    /// One line describing the change, e.g. `add a TTL of 3600 s ±10% to the keys without TTL matching user:*`.
    public static func fix(_ fix: DoctorFix) -> String {
        switch fix {
        case .addTTL(let pattern, let seconds, let jitter):
            "add a TTL of \(seconds) s ±\(percent(jitter)) to the keys without TTL matching \(AuditEntry.escape(pattern.source))"
        case .deleteKey(let key):
            "delete \(AuditEntry.escape(key))"
        }
    }

    /// What could not be checked, or how.
    public static func note(_ note: DoctorNote) -> String {
        switch note {
        case .configRefused(let reply):
            "eviction: CONFIG GET refused (\(reply ?? "no reply")): policy checks skipped"
        case .sampleStopped(.evictionSettings, let error): "eviction: \(error)"
        case .sampleStopped(.secretFields, let error): "secrets: sampling stopped: \(error)"
        case .sampleStopped(.lockIdleTimes, let error): "locks: OBJECT IDLETIME stopped: \(error)"
        case .sampleStopped(.lfuCounters, let error): "hot keys: OBJECT FREQ stopped: \(error)"
        case .sampleStopped(.recentUseProbe, let error): "hot keys: OBJECT IDLETIME probe stopped: \(error)"
        case .sampleStopped(.fieldTTLs, let error): "hash field TTLs: HPEXPIRETIME survey stopped: \(error)"
        case .hotKeysNeedProbe(let policy, let probe):
            "hot keys: an LFU maxmemory-policy (allkeys-lfu, volatile-lfu) gives OBJECT FREQ; the policy is "
                + "\(policy ?? "unknown (CONFIG GET refused)"). Ask for the recent-use probe instead (h in the Doctor view, "
                + "snapshot --doctor --hot-keys): \(self.probe(probe)), about \(probe.readCommands) read commands in \(probe.rounds) s. "
                + "MONITOR is not used: it costs the server about half its throughput while it runs."
        }
    }

    /// `estimated (~) from 6.2% of the keyspace` when the figures are weighed up from a sample;
    /// `partial: 1200 of 5000 keys indexed` while the index was incomplete and nothing can be
    /// weighed up; nil when exact.
    public static func coverage(_ report: DoctorReport) -> String? {
        if report.isEstimated {
            func share(_ value: Double) -> String { Formatting.percent(value, decimals: value < 0.1 ? 1 : 0) }
            let lookups = report.lookupShare < 1 ? ", TTL and memory from \(share(report.lookupShare)) of them" : ""
            return "estimated (~) from \(share(report.sampleShare)) of the keyspace\(lookups)"
        }
        guard !report.complete else { return nil }
        return "partial: \(report.indexedKeys) of \(report.expectedKeys > 0 ? String(report.expectedKeys) : "?") keys indexed"
    }

    /// The report's key count: `~1.2M` when estimated.
    public static func keys(_ value: Int, _ report: DoctorReport) -> String { report.isEstimated ? "~\(value)" : "\(value)" }

    /// The recent-use probe and its cost in a phrase, for the `--hot-keys` help, the status line
    /// and the note that offers it: `OBJECT IDLETIME, 3 rounds a second apart over at most 2000
    /// sampled keys`.
    public static func probe(_ probe: RecentUseProbe) -> String {
        let interval = probe.interval == 1 ? "a second" : "\(probe.interval) s"
        return "OBJECT IDLETIME, \(probe.rounds) rounds \(interval) apart over at most \(probe.sampledKeys) sampled keys"
    }

    // MARK: names and figures

    static func key(_ key: some Collection<UInt8>) -> String { AuditEntry.escape(key) }

    /// `user:*` for a prefix, `(keys without a delimiter)` for the empty one.
    static func prefix(_ prefix: [UInt8]?) -> String {
        guard let prefix, !prefix.isEmpty else { return "(keys without a delimiter)" }
        return AuditEntry.escape(prefix) + "*"
    }

    static func percent(_ fraction: Double) -> String { Formatting.percent(fraction, decimals: 0) }
    static func bytes(_ value: UInt64) -> String { Formatting.bytes(Double(value)) }
    /// A count of the finding, `~` in front when it is weighed up from a sample.
    static func count(_ value: Int, _ finding: DoctorFinding) -> String { finding.estimated ? "~\(value)" : "\(value)" }
    /// Bytes of the finding, `~` in front when weighed up from a sample.
    static func bytes(_ value: UInt64, _ finding: DoctorFinding) -> String { (finding.estimated ? "~" : "") + bytes(value) }
    static func duration(_ seconds: Int64) -> String { Formatting.duration(Double(seconds)) }
}
