/// A fix the doctor can apply through `MutationService` (dry run, confirmation, undo, audit log).
public enum DoctorFix: Sendable, Hashable {
    /// Give every key WITHOUT TTL matching `pattern` a TTL of `seconds` ± `jitter` (fraction), see
    /// ``MutationService/addTTLWithJitter(_:seconds:jitter:rate:batchSize:progress:)``.
    case addTTL(pattern: GlobPattern, seconds: Int64, jitter: Double)
    /// Delete one key (a stale lock) with the undoable single-key delete.
    case deleteKey([UInt8])
}
