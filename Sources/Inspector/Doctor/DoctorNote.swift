/// Something the cache doctor could not check, or checked only in part, as facts: which sample
/// stopped and the error it stopped on, or what a check would need. The app layer words them.
public enum DoctorNote: Sendable, Hashable {
    /// A bounded sample over the connection.
    public enum Sample: Sendable, Hashable {
        /// `CONFIG GET` and `INFO memory` for the eviction checks.
        case evictionSettings
        /// Field names of hashes and JSON strings.
        case secretFields
        /// `OBJECT IDLETIME` of the lock-like keys.
        case lockIdleTimes
        /// `OBJECT FREQ` under an LFU policy.
        case lfuCounters
        /// The recent-use probe (`OBJECT IDLETIME` rounds).
        case recentUseProbe
        /// The survey of hash field TTLs (``FieldTTLSurvey``).
        case fieldTTLs
    }

    /// `CONFIG GET` was refused (the server's error, nil without one): the policy checks were skipped.
    case configRefused(reply: String?)
    /// A sample stopped on `error`; what it gathered before still counts.
    case sampleStopped(Sample, error: String)
    /// Hot keys were not looked for: the policy (nil when `CONFIG GET` was refused) keeps no LFU
    /// counters, and the recent-use probe, which costs what `probe` says, was not asked for.
    case hotKeysNeedProbe(policy: String?, probe: RecentUseProbe)

    /// True for the notes about hot keys.
    public var isAboutHotKeys: Bool {
        switch self {
        case .hotKeysNeedProbe, .sampleStopped(.lfuCounters, _), .sampleStopped(.recentUseProbe, _): true
        case .configRefused, .sampleStopped: false
        }
    }
}
