import RESP
import RedisClient

extension MutationService {
    /// Restores the newest delete (one key or a whole batch) with `RESTORE key ttl dump`; when the
    /// newest undoable change is an added TTL (``addTTLWithJitter(_:seconds:jitter:rate:batchSize:progress:)``),
    /// removes those TTLs again with `PERSIST` instead, and a field TTL change
    /// (``expireField(_:field:seconds:)``, ``persistField(_:field:)``) puts the field's TTL back.
    ///
    /// TTL: a key that had one gets what was left at deletion MINUS the time elapsed since
    /// (measured on a monotonic clock), so undo never extends a key's life; a key whose TTL has
    /// run out meanwhile is not restored (reported in `expired`). A key without TTL is restored
    /// without one (`RESTORE … 0`).
    ///
    /// A key that exists again (written since the delete) is never overwritten: without `REPLACE`
    /// the server answers `BUSYKEY` and the key is reported in `existsAgain`. Those keys stay on
    /// the undo stack, so calling `undo(overwrite: true)` next restores exactly them with `REPLACE`
    /// — only when the caller explicitly asks.
    /// - Parameter overwrite: send `REPLACE` (replace keys that exist again).
    /// - Returns: what was restored, per key; nil when there is nothing to undo.
    /// - Throws: ``MutationError``; on a failure the delete stays on the stack (retrying is safe:
    ///   keys already restored then read as "exists again").
    public func undo(overwrite: Bool = false) async throws -> UndoOutcome? {
        let detail = overwrite ? "replace" : nil
        try await refuseIfReadOnly("RESTORE", detail: detail)
        guard let batch = undoStack.pop() else { return nil }
        if batch.kind == .persist { return try await undoAddedTTL(batch) }
        if case .fieldTTL(let field) = batch.kind { return try await undoFieldTTL(batch, field: field) }
        let elapsed = (MonotonicClock.now() - batch.deletedAt) * 1000
        var restored: [[UInt8]] = []
        var existsAgain: [UndoStack.Entry] = []
        var expired: [[UInt8]] = []
        var failed: [UndoOutcome.Failure] = []
        var pending: [UndoStack.Entry] = []
        for entry in batch.entries {
            if entry.pttl >= 0 {
                let remaining = Int64((Double(entry.pttl) - elapsed).rounded(.down))
                if remaining <= 0 {
                    expired.append(entry.key)
                    continue
                }
            }
            pending.append(entry)
        }
        do {
            for chunk in pending.chunks(of: Self.chunkSize) {
                let now = (MonotonicClock.now() - batch.deletedAt) * 1000
                let commands = chunk.map { entry -> RedisCommand in
                    // Never 0 for a key that had a TTL: 0 means "no expiry" to RESTORE.
                    let ttl = entry.pttl < 0 ? 0 : max(1, Int64((Double(entry.pttl) - now).rounded(.down)))
                    var arguments: [[UInt8]] = [Array("RESTORE".utf8), entry.key, Array(String(ttl).utf8), entry.dump]
                    if overwrite { arguments.append(Array("REPLACE".utf8)) }
                    return RedisCommand(arguments: arguments)
                }
                let replies = try await exchange(
                    commands, command: "RESTORE",
                    done: "\(restored.count) keys were restored before the failure; the rest stay undoable")
                for (entry, reply) in zip(chunk, replies) {
                    guard let message = reply.errorMessage else {
                        restored.append(entry.key)
                        continue
                    }
                    if message.hasPrefix("BUSYKEY") {
                        existsAgain.append(entry)
                    } else if ["NOPERM", "READONLY", "MOVED", "ASK"].contains(where: { message.hasPrefix($0) }) {
                        throw MutationError.reply(message, node: node, command: "RESTORE")
                    } else {
                        failed.append(UndoOutcome.Failure(key: entry.key, message: message))
                    }
                }
            }
        } catch {
            // Keep what was not restored undoable; restored keys would only come back as BUSYKEY.
            let restoredSet = Set(restored)
            undoStack.push(UndoStack.Batch(entries: batch.entries.filter { !restoredSet.contains($0.key) }, deletedAt: batch.deletedAt))
            await audit("RESTORE", keys: batch.entries.map(\.key), keyCount: restored.count, detail: detail, result: Self.auditResult(error))
            throw error
        }
        if !existsAgain.isEmpty {
            undoStack.push(UndoStack.Batch(entries: existsAgain, deletedAt: batch.deletedAt))
        }
        let outcome = UndoOutcome(restored: restored, existsAgain: existsAgain.map(\.key), expired: expired, failed: failed)
        await audit(
            "RESTORE", keys: restored + existsAgain.map(\.key), keyCount: restored.count,
            detail: [detail, outcome.summary].compactMap { $0 }.joined(separator: " "), result: "ok")
        return outcome
    }
}
