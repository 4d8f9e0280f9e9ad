/// Stampede locks left behind: keys named like locks (`*:lock`, `lock:*`, `*:mutex`) with no TTL
/// (a crashed holder keeps everyone waiting forever), a TTL longer than a lock should live, or
/// idle for long (`OBJECT IDLETIME`, sampled). One finding per lock, up to a limit, each with the
/// single-key delete as its fix.
public enum StaleLockDetector {
    /// - Parameter idle: `OBJECT IDLETIME` seconds of the sampled locks, by key.
    public static func findings(
        _ analysis: DoctorAnalysis, idle: [[UInt8]: Int64] = [:],
        thresholds: DoctorThresholds = .default
    ) -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        var more = 0
        for lock in analysis.locks {
            let idleSeconds = idle[lock.key]
            var reasons: [FindingFacts.StaleLock.Reason] = []
            var severity = FindingSeverity.warning
            let ttl: FindingFacts.StaleLock.TTL
            switch lock.ttl {
            case .persistent:
                ttl = .none
                reasons.append(.noTTL)
                if let idleSeconds, idleSeconds >= thresholds.lockMaximumIdle { severity = .critical }
            case .expires:
                let left = (lock.ttl.remainingMilliseconds(at: analysis.now) ?? 0) / 1000
                ttl = .left(seconds: left)
                if left > thresholds.lockMaximumTTL { reasons.append(.longTTL(secondsLeft: left)) }
            case .unknown:
                ttl = .unknown
            }
            if let idleSeconds, idleSeconds >= thresholds.lockMaximumIdle { reasons.append(.idle(seconds: idleSeconds)) }
            guard !reasons.isEmpty else { continue }
            guard findings.count < thresholds.lockFindingsListed else {
                more += 1
                continue
            }
            let facts = FindingFacts.StaleLock(key: lock.key, type: lock.type, ttl: ttl, idleSeconds: idleSeconds, reasons: reasons)
            findings.append(
                DoctorFinding(
                    .staleLock(facts),
                    severity: severity,
                    prefix: nil,
                    keyCount: 1,
                    memory: lock.memory,
                    exampleKeys: [lock.key],
                    fix: .deleteKey(lock.key)))
        }
        if more > 0, let last = findings.indices.last, case .staleLock(var facts) = findings[last].facts {
            facts.notListed = more
            findings[last].facts = .staleLock(facts)
        }
        return findings
    }
}
