/// Stampede locks left behind: keys named like locks (`*:lock`, `lock:*`, `*:mutex`) with no TTL
/// (a crashed holder keeps everyone waiting forever), a TTL longer than a lock should live, or
/// idle for long (`OBJECT IDLETIME`, sampled). One finding per lock, up to a limit, each with the
/// single-key delete as its fix.
public enum StaleLockDetector {
    /// - Parameter idle: `OBJECT IDLETIME` seconds of the sampled locks, by key.
    public static func findings(_ analysis: DoctorAnalysis, idle: [[UInt8]: Int64] = [:],
                                thresholds: DoctorThresholds = .default) -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        var more = 0
        for lock in analysis.locks {
            let idleSeconds = idle[lock.key]
            var reasons: [String] = []
            var severity = FindingSeverity.warning
            switch lock.ttl {
            case .persistent:
                reasons.append("no TTL")
                if let idleSeconds, idleSeconds >= thresholds.lockMaximumIdle { severity = .critical }
            case .expires:
                let left = (lock.ttl.remainingMilliseconds(at: analysis.now) ?? 0) / 1000
                if left > thresholds.lockMaximumTTL { reasons.append("TTL \(Formatting.duration(Double(left))) left") }
            case .unknown:
                break
            }
            if let idleSeconds, idleSeconds >= thresholds.lockMaximumIdle { reasons.append("idle \(Formatting.duration(Double(idleSeconds)))") }
            guard !reasons.isEmpty else { continue }
            guard findings.count < thresholds.lockFindingsListed else { more += 1; continue }
            findings.append(DoctorFinding(
                kind: .staleLock,
                severity: severity,
                title: "lock \(DoctorText.key(lock.key)): \(reasons.joined(separator: ", "))",
                prefix: nil,
                keyCount: 1,
                memory: lock.memory,
                exampleKeys: [lock.key],
                details: ["type: \(lock.type)", "TTL: \(describe(lock.ttl, now: analysis.now))",
                          "idle: \(idleSeconds.map { Formatting.duration(Double($0)) } ?? "not sampled")"],
                suggestion: "Take locks with SET key token NX PX <a few seconds> and release them with a compare-and-delete; if no holder is alive, delete this one.",
                fix: .deleteKey(lock.key)))
        }
        if more > 0, var last = findings.popLast() {
            last.details.append("\(more) more suspicious locks not listed")
            findings.append(last)
        }
        return findings
    }

    static func describe(_ ttl: KeyTTL, now: Int64) -> String {
        switch ttl {
        case .unknown: "unknown"
        case .persistent: "none"
        case .expires: Formatting.duration(Double((ttl.remainingMilliseconds(at: now) ?? 0) / 1000))
        }
    }
}
