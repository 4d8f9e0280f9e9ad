/// The running counts of a bulk change, turned into progress reports, the result and the audit line.
struct BulkTally: Sendable {
    let command: String
    let expected: Int
    var scanned = 0
    var changed = 0
    var skipped = 0
    var undoable = 0
    /// The first changed keys, for the audit line.
    var listed: [[UInt8]] = []

    /// Delete: keys deleted without undo data.
    var notUndoable: Int { command == "UNLINK" ? max(0, changed - undoable) : 0 }

    mutating func list(_ keys: some Sequence<[UInt8]>) {
        for key in keys where listed.count < AuditEntry.maximumListedKeys { listed.append(key) }
    }

    func progress(elapsed: Double) -> BulkProgress {
        BulkProgress(
            scanned: scanned, changed: changed, skipped: skipped, expected: expected,
            undoable: undoable, notUndoable: notUndoable, elapsed: elapsed)
    }

    func result(aborted: Bool, elapsed: Double) -> BulkResult {
        BulkResult(
            command: command, scanned: scanned, changed: changed, skipped: skipped, undoable: undoable,
            notUndoable: notUndoable, aborted: aborted, elapsed: elapsed)
    }
}
