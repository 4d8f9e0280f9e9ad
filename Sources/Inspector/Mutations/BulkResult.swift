/// How a bulk change ended: the final counts, and whether it ran to the end or was aborted.
public struct BulkResult: Sendable, Hashable {
    /// `UNLINK` or `EXPIRE`.
    public let command: String
    /// Matching keys the SCAN returned.
    public let scanned: Int
    /// Keys deleted, or given a TTL.
    public let changed: Int
    /// Keys left alone (expire: they already had a TTL, or were gone).
    public let skipped: Int
    /// Delete: keys kept for undo.
    public let undoable: Int
    /// Delete: keys deleted for good (beyond the undo budget).
    public let notUndoable: Int
    /// True when the task was cancelled: `changed` keys were done, the rest was not touched.
    public let aborted: Bool
    /// Seconds the change took.
    public let elapsed: Double

    /// "deleted 100000 keys (100000 undoable)" / "aborted after 4200 keys" — for the status line.
    public var summary: String {
        let verb = command == "UNLINK" ? "deleted" : "set a TTL on"
        var text = aborted ? "aborted: \(verb) \(changed) keys, the rest untouched" : "\(verb) \(changed) keys"
        if command == "UNLINK" {
            text += notUndoable > 0 ? " (\(notUndoable) cannot be undone)" : " (all undoable)"
        } else if skipped > 0 {
            text += " (\(skipped) already had a TTL, left alone)"
        }
        return text
    }
}
