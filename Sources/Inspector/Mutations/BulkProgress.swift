/// Where a running bulk change (delete or expire by pattern) is, reported after every batch.
public struct BulkProgress: Sendable, Hashable {
    /// Matching keys seen so far by the SCAN.
    public let scanned: Int
    /// Keys changed so far (deleted, or given a TTL).
    public let changed: Int
    /// Keys left alone so far (expire: they already had a TTL or were gone).
    public let skipped: Int
    /// What the dry run counted, for a progress bar (the live count may differ a little).
    public let expected: Int
    /// Delete: keys whose contents are kept for undo so far.
    public let undoable: Int
    /// Delete: keys deleted beyond the undo budget so far.
    public let notUndoable: Int
    /// Seconds since the change started.
    public let elapsed: Double

    /// Fraction done against the dry run's count, 0…1.
    public var fraction: Double { expected == 0 ? 1 : min(1, Double(scanned) / Double(expected)) }
}
