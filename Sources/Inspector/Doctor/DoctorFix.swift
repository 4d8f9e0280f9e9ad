/// A fix the doctor can apply through `MutationService` (dry run, confirmation, undo, audit log).
public enum DoctorFix: Sendable, Hashable {
    /// Give every key WITHOUT TTL matching `pattern` a TTL of `seconds` ± `jitter` (fraction), see
    /// ``MutationService/addTTLWithJitter(_:seconds:jitter:rate:batchSize:progress:)``.
    case addTTL(pattern: GlobPattern, seconds: Int64, jitter: Double)
    /// Delete one key (a stale lock) with the undoable single-key delete.
    case deleteKey([UInt8])

    /// One line describing the change, e.g. `add TTL 3600 s ±10% to keys without TTL matching user:*`.
    public var summary: String {
        switch self {
        case .addTTL(let pattern, let seconds, let jitter):
            "add a TTL of \(seconds) s ±\(Int((jitter * 100).rounded()))% to the keys without TTL matching \(AuditEntry.escape(pattern.source))"
        case .deleteKey(let key):
            "delete \(AuditEntry.escape(key))"
        }
    }
}
