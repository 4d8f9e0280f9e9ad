/// What `undo` put back, per key. A key that exists again is never overwritten unless the caller
/// asked for it (`undo(overwrite: true)`).
public struct UndoOutcome: Sendable, Hashable {
    /// Keys restored with their value and remaining TTL.
    public let restored: [[UInt8]]
    /// Keys that exist again (written since the delete): not restored. They stay on the undo
    /// stack, so `undo(overwrite: true)` can still put the deleted version back.
    public let existsAgain: [[UInt8]]
    /// Keys whose TTL ran out since the delete: not restored (they would have expired anyway).
    public let expired: [[UInt8]]
    /// Keys the server refused to restore, with its message.
    public let failed: [Failure]

    /// A key the server would not restore.
    public struct Failure: Sendable, Hashable {
        public let key: [UInt8]
        public let message: String
    }

    /// "restored 3; 1 exists again, not restored" — for the status line.
    public var summary: String {
        var parts = ["restored \(restored.count)"]
        if !existsAgain.isEmpty { parts.append("\(existsAgain.count) exists again, not restored") }
        if !expired.isEmpty { parts.append("\(expired.count) expired meanwhile, not restored") }
        if !failed.isEmpty { parts.append("\(failed.count) failed: \(failed[0].message)") }
        return parts.joined(separator: "; ")
    }
}
