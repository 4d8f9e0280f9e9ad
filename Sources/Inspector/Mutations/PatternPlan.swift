import Foundation

/// A dry run of a change by glob pattern across one node: how many keys match now, how much memory
/// they use, some of their names, how many a delete could keep for undo, and the word the user must
/// type to confirm. Nothing has been changed when a plan exists.
public struct PatternPlan: Sendable, Hashable {
    /// The pattern, sent as `SCAN … MATCH`.
    public let pattern: GlobPattern
    /// Only keys of this type (`SCAN … TYPE`), or all.
    public let typeFilter: RedisKeyType?
    /// The node, e.g. `127.0.0.1:6379`.
    public let node: String
    /// The logical database.
    public let database: Int
    /// Keys matching when the dry run scanned.
    public let count: Int
    /// Sum of `MEMORY USAGE` over the matching keys, in bytes.
    public let memoryBytes: Int
    /// Up to 20 matching names, in SCAN order.
    public let sample: [[UInt8]]
    /// How many a delete could keep for undo within the budget (estimated from `MEMORY USAGE`).
    public let estimatedUndoable: Int
    /// When the dry run finished.
    public let scannedAt: Date

    /// The most names a plan samples.
    public static let sampleSize = 20

    /// How many a delete could not keep for undo.
    public var estimatedNotUndoable: Int { count - estimatedUndoable }

    /// What the user types to confirm: the target node and database, `127.0.0.1:6379/db0`, so the
    /// confirmation says where the change goes, not just "yes".
    public var confirmationWord: String { "\(node)/db\(database)" }
}
