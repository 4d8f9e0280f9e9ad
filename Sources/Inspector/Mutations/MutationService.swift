import Foundation
import RESP
import RedisClient

/// THE one path every change to a node goes through: expire, persist, delete (with undo) one key
/// or many, and delete or expire by pattern. The UI calls it; nothing else writes.
///
/// - Read-only: created with `readOnly: true`, every mutating method refuses with
///   ``MutationError/readOnly`` before sending anything, and the refusal is audited.
/// - Audit: every change, failed change and refusal appends one line to the ``AuditLog``.
/// - Undo: deletes keep each key's `DUMP` and `PTTL` on an undo stack bounded by `undoBudget`
///   bytes; ``undo(overwrite:)`` restores the newest delete without overwriting keys that came back.
/// - Errors: `NOPERM`, `READONLY`, `MOVED` and lost connections become ``MutationError``s that say
///   what happened and what is known to be done.
///
/// The methods live in one file per concern: `+SingleKey`, `+FieldTTL`, `+Delete`, `+Undo`, `+Pattern` (dry run),
/// `+BulkDelete`, `+BulkExpire`.
public actor MutationService {
    /// The connection changes are sent on.
    let connection: any RedisPipelining
    /// The node as shown and audited, e.g. `127.0.0.1:6379`.
    public nonisolated let node: String
    /// The logical database the connection has selected.
    public nonisolated let database: Int
    /// When true, every change is refused.
    public nonisolated let readOnly: Bool
    /// Where every change is recorded.
    public nonisolated let auditLog: AuditLog
    /// The most bytes of deleted keys kept for undo.
    public nonisolated let undoBudget: Int
    /// Deleted keys' contents, newest last.
    var undoStack: UndoStack
    /// Whether the server takes `EXPIRE … NX` (Redis ≥ 7.0); nil until asked.
    var supportsExpireNX: Bool?

    /// The default undo budget: 64 MiB of `DUMP` payloads.
    public static let defaultUndoBudget = 64 << 20

    /// The largest key (by `MEMORY USAGE`) that is `DUMP`ed for undo, whatever the budget: half the
    /// connection's reply bound (``RESPDecoder/Limits/defaultMaxBulkLength``), so its DUMP reply
    /// always fits and the pipeline carrying the `UNLINK` cannot fail on it. Larger keys are deleted
    /// without undo.
    public static let maxUndoKeyBytes = RESPDecoder.Limits.defaultMaxBulkLength / 2

    /// Whether a key of `size` bytes can still be kept for undo when `kept` bytes already are:
    /// within the per-key ceiling and the budget.
    nonisolated func undoFits(_ size: Int, after kept: Int) -> Bool {
        size <= Self.maxUndoKeyBytes && kept + size <= undoBudget
    }

    /// Creates the service for one node and database.
    /// - Parameters:
    ///   - connection: a `RedisConnection` or `ManagedConnection` (already on `database`).
    ///   - node: the node's label for messages and the audit log, e.g. `127.0.0.1:6379`.
    ///   - database: the selected database (for the audit log and the confirmation word).
    ///   - readOnly: refuse every change.
    ///   - auditLog: where every change is recorded.
    ///   - undoBudget: the most bytes of deleted keys kept for undo.
    public init(
        connection: any RedisPipelining, node: String, database: Int = 0, readOnly: Bool,
        auditLog: AuditLog, undoBudget: Int = MutationService.defaultUndoBudget
    ) {
        self.connection = connection
        self.node = node
        self.database = database
        self.readOnly = readOnly
        self.auditLog = auditLog
        self.undoBudget = max(0, undoBudget)
        self.undoStack = UndoStack(budget: max(0, undoBudget))
    }

    /// How many deletes can be undone (newest first).
    public var undoDepth: Int { undoStack.batches.count }
    /// How many keys the next ``undo(overwrite:)`` would try to restore.
    public var nextUndoKeyCount: Int { undoStack.batches.last?.entries.count ?? 0 }
    /// Bytes the undo stack holds.
    public var undoBytes: Int { undoStack.bytes }

    // MARK: - Shared plumbing

    /// Refuses (and audits the refusal) when read-only.
    func refuseIfReadOnly(_ command: String, keys: [[UInt8]] = [], pattern: [UInt8]? = nil, detail: String? = nil) async throws {
        guard readOnly else { return }
        await audit(command, keys: keys, pattern: pattern, detail: detail, result: MutationError.readOnly.auditResult)
        throw MutationError.readOnly
    }

    /// Appends one audit line.
    func audit(_ command: String, keys: [[UInt8]], keyCount: Int? = nil, pattern: [UInt8]? = nil, detail: String? = nil, result: String) async {
        await auditLog.append(
            AuditEntry(
                node: node, database: database, command: command, keys: keys, keyCount: keyCount,
                pattern: pattern, detail: detail, result: result))
    }

    /// Sends `commands` in one pipeline; a transport failure becomes a `MutationError` whose
    /// message carries `done` (what is known to have happened).
    func exchange(_ commands: [RedisCommand], command: String, done: String) async throws -> [RESPValue] {
        do {
            // Shielded from the caller's cancellation: a change that was written must be waited
            // for, or a cancelled bulk run would not know whether its batch ran and would lose
            // the batch's undo data. Cancellation stops the run between batches instead.
            let connection = self.connection
            let replies = try await Task { try await connection.pipeline(commands) }.value
            guard replies.count == commands.count else { throw MutationError.unexpectedReply(node: node, command: command) }
            return replies
        } catch {
            throw MutationError.transport(error, node: node, command: command, done: done)
        }
    }

    /// The reply, or the `MutationError` its error message stands for.
    func checked(_ reply: RESPValue, _ command: String) throws -> RESPValue {
        if let message = reply.errorMessage { throw MutationError.reply(message, node: node, command: command) }
        return reply
    }

    /// The integer in `reply`, or an error.
    func integer(_ reply: RESPValue, _ command: String) throws -> Int64 {
        guard let value = try checked(reply, command).int else { throw MutationError.unexpectedReply(node: node, command: command) }
        return value
    }

    /// Wall-clock milliseconds since the epoch (for `KeyTTL` deadlines).
    static func wallMilliseconds() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}
