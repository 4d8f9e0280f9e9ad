/// What deleting some keys would do, worked out BEFORE the user confirms: which keys can be put
/// back by undo (their `DUMP` fits in the undo budget) and which cannot (too large), so the
/// confirmation can say "3 keys, 1 of them (session:big, 80 MB) cannot be undone".
public struct DeletePlan: Sendable, Hashable {
    /// The keys that exist and will be deleted, undoable first.
    public var keys: [[UInt8]] { undoable + notUndoable }
    /// Keys whose contents will be kept for undo.
    public let undoable: [[UInt8]]
    /// Keys too large for the undo budget: deleting them is final.
    public let notUndoable: [[UInt8]]
    /// Keys asked for that do not exist (nothing to delete).
    public let missing: [[UInt8]]
    /// `MEMORY USAGE` of the undoable keys, in bytes (an estimate of the undo memory).
    public let undoableBytes: Int
    /// `MEMORY USAGE` of the keys that cannot be undone, in bytes.
    public let notUndoableBytes: Int

    /// How many keys will be deleted.
    public var count: Int { undoable.count + notUndoable.count }
    /// How many can be put back.
    public var undoableCount: Int { undoable.count }
    /// How many cannot.
    public var notUndoableCount: Int { notUndoable.count }
}
