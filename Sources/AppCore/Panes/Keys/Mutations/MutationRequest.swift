import Inspector

/// A change the user asked for, on its way to the mutation path (`MutationService`), which
/// refuses it in read-only mode, logs it in the audit log and keeps undo data.
public enum MutationRequest: Sendable, Equatable {
    case expire(key: [UInt8], seconds: Int64)
    case persist(key: [UInt8])
    /// Set one hash field's TTL (`HEXPIRE`), undoable.
    case expireField(key: [UInt8], field: [UInt8], seconds: Int64)
    /// Remove one hash field's TTL (`HPERSIST`), undoable.
    case persistField(key: [UInt8], field: [UInt8])
    /// Work out what deleting would do (undoable or not) before asking for confirmation.
    case prepareDelete(keys: [[UInt8]])
    case delete(DeletePlan)
    case undo
    /// Count what a pattern matches before a bulk change (nothing changes).
    case dryRun(pattern: String, type: RedisKeyType?, purpose: BulkPurpose)
    case deleteMatching(PatternPlan)
    case expireMatching(PatternPlan, seconds: Int64, jitter: Double)
    /// The doctor's fix: count the keys WITHOUT TTL matching `pattern` (nothing changes).
    case dryRunMissingTTL(GlobPattern, seconds: Int64, jitter: Double)
    /// The doctor's fix: give those keys a TTL of `seconds` ± `jitter`, undoable (`PERSIST`).
    case addTTLMatching(PatternPlan, seconds: Int64, jitter: Double)
    /// Stop the running bulk change after its current batch.
    case abortBulk
    /// List the clients a kill would disconnect (a dry run: nothing changes).
    case planClientKill(ClientSelector)
    /// Disconnect the plan's clients by id (cannot be undone).
    case killClients(ClientKillPlan)
}

/// What a bulk change by pattern will do.
public enum BulkPurpose: Sendable, Equatable {
    case delete
    /// Give every matching key without a TTL one of `seconds` ± `jitter` (fraction).
    case expire(seconds: Int64, jitter: Double)
    /// The doctor's fix: like `expire`, counted on the keys without TTL only, and undoable.
    case addTTL(seconds: Int64, jitter: Double)
}

/// What the mutation path answered.
public enum MutationResult: Sendable, Equatable {
    case changed(KeyChangeOutcome)
    /// A hash field's TTL was set or removed (or not: the outcome says).
    case fieldChanged(FieldChangeOutcome)
    case deletePlanned(DeletePlan)
    case deleted(DeleteOutcome, keys: [[UInt8]])
    case undone(UndoOutcome?)
    case patternPlanned(PatternPlan, purpose: BulkPurpose)
    case bulkProgress(BulkProgress)
    case bulkFinished(BulkResult)
    /// The change was refused or failed; the text says why and what was (not) done.
    case failed(String)
    /// Who a client kill would disconnect.
    case clientKillPlanned(ClientKillPlan)
    /// What a client kill did, per id.
    case clientsKilled(ClientKillOutcome)

    /// Whether the result belongs to the server pane's client kill (the rest are the keys pane's).
    public var isClientKill: Bool {
        switch self {
        case .clientKillPlanned, .clientsKilled: return true
        default: return false
        }
    }
}
