import RESP
import RedisClient

extension MutationService {
    /// Keys sent per pipeline when deleting or restoring a list of keys.
    static let chunkSize = 1000

    /// Works out what deleting `keys` would do, BEFORE the user confirms: which exist, and which
    /// can be kept for undo (their `MEMORY USAGE` fits the undo budget, counted in order, and is at
    /// most ``maxUndoKeyBytes``: see ``undoFits(_:after:)``) and which cannot. Sends only `MEMORY USAGE`; changes nothing.
    /// - Throws: ``MutationError`` (read-only is refused here already, so the UI never asks to confirm).
    public func prepareDelete(_ keys: [[UInt8]]) async throws -> DeletePlan {
        try await refuseIfReadOnly("UNLINK", keys: keys, detail: "prepare")
        var undoable: [[UInt8]] = []
        var notUndoable: [[UInt8]] = []
        var missing: [[UInt8]] = []
        var undoableBytes = 0
        var notUndoableBytes = 0
        for chunk in keys.chunks(of: Self.chunkSize) {
            let replies = try await exchange(
                chunk.map { RedisCommand("MEMORY", "USAGE", $0) }, command: "MEMORY USAGE",
                done: "nothing was deleted")
            for (key, reply) in zip(chunk, replies) {
                let reply = try checked(reply, "MEMORY USAGE")
                guard let size = reply.int.map(Int.init) else {
                    missing.append(key)
                    continue
                }
                if undoFits(size, after: undoableBytes) {
                    undoable.append(key)
                    undoableBytes += size
                } else {
                    notUndoable.append(key)
                    notUndoableBytes += size
                }
            }
        }
        return DeletePlan(
            undoable: undoable, notUndoable: notUndoable, missing: missing,
            undoableBytes: undoableBytes, notUndoableBytes: notUndoableBytes)
    }

    /// Deletes the keys of a confirmed plan with `UNLINK`. Before each `UNLINK`, the undoable keys'
    /// `DUMP` and `PTTL` are read in the same pipeline and pushed on the undo stack as one delete.
    /// A `DUMP` larger than the budget left (MEMORY USAGE is an estimate) is dropped and that key
    /// reported as not undoable.
    /// - Throws: ``MutationError``; on a lost connection it says how many keys were deleted.
    public func delete(_ plan: DeletePlan) async throws -> DeleteOutcome {
        try await refuseIfReadOnly("UNLINK", keys: plan.keys)
        let undoableSet = Set(plan.undoable)
        var batch = UndoStack.Batch(entries: [], deletedAt: MonotonicClock.now())
        var keptBytes = 0
        var deleted = 0
        var notUndoable: [[UInt8]] = []
        do {
            for chunk in plan.keys.chunks(of: Self.chunkSize) {
                let dumped = chunk.filter { undoableSet.contains($0) }
                var commands = dumped.flatMap { [RedisCommand("DUMP", $0), RedisCommand("PTTL", $0)] }
                commands.append(RedisCommand(arguments: [Array("UNLINK".utf8)] + chunk))
                let replies = try await exchange(
                    commands, command: "UNLINK",
                    done: "\(deleted) keys were deleted before the failure, the \(chunk.count) in flight may or may not have been")
                // The UNLINK reply first: a refused UNLINK (NOPERM, READONLY) must not leave undo entries.
                deleted += Int(try integer(replies[replies.count - 1], "UNLINK"))
                for (index, key) in dumped.enumerated() {
                    let dump = try checked(replies[2 * index], "DUMP").bytes
                    let pttl = try integer(replies[2 * index + 1], "PTTL")
                    guard let dump else { continue }  // gone before DUMP: nothing was deleted
                    if keptBytes + dump.count + key.count <= undoBudget {
                        batch.entries.append(UndoStack.Entry(key: key, dump: dump, pttl: pttl))
                        keptBytes += dump.count + key.count
                    } else {
                        notUndoable.append(key)
                    }
                }
                notUndoable += chunk.filter { !undoableSet.contains($0) }
            }
        } catch {
            undoStack.push(batch)
            await audit("UNLINK", keys: plan.keys, keyCount: deleted, result: Self.auditResult(error))
            throw error
        }
        undoStack.push(batch)
        await audit(
            "UNLINK", keys: plan.keys, keyCount: deleted,
            detail: notUndoable.isEmpty ? nil : "not undoable=\(notUndoable.count)", result: "ok")
        return DeleteOutcome(deleted: deleted, undoable: batch.entries.count, notUndoable: notUndoable)
    }

    /// Deletes one key: ``prepareDelete(_:)`` then ``delete(_:)-(DeletePlan)``. Use the two steps
    /// when the confirmation should say whether the delete can be undone.
    public func delete(_ key: [UInt8]) async throws -> DeleteOutcome {
        try await delete(prepareDelete([key]))
    }
}
