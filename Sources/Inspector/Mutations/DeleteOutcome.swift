/// What a confirmed delete did, from the server's replies.
public struct DeleteOutcome: Sendable, Hashable {
    /// Keys `UNLINK` removed (its integer reply).
    public let deleted: Int
    /// Keys whose contents are on the undo stack.
    public let undoable: Int
    /// Keys deleted for good (too large, or gone before `DUMP`).
    public let notUndoable: [[UInt8]]
}
