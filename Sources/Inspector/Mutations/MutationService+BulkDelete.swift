import RESP
import RedisClient

extension MutationService {
    /// Deletes every key matching a dry run's pattern (and type) on this node: `SCAN MATCH` again
    /// (`COUNT batchSize`) and `UNLINK` in batches of `batchSize`, at most `rate` keys a second.
    ///
    /// Undo: while the undo budget lasts, each batch's keys are `DUMP`ed (with `PTTL`) in the same
    /// pipeline as their `UNLINK` — keys whose `MEMORY USAGE` would not fit are not dumped — and
    /// the whole run becomes ONE delete on the undo stack. Keys beyond the budget are counted in
    /// `notUndoable` (the dry run's `estimatedNotUndoable` said how many to expect).
    ///
    /// Cancelling the task aborts between batches: the result says `aborted` with the keys deleted
    /// so far; the rest is untouched, and what was deleted can still be undone.
    /// - Parameters:
    ///   - plan: a dry run from ``dryRun(_:typeFilter:)`` on this service.
    ///   - rate: the most keys per second.
    ///   - batchSize: keys per `UNLINK` (and the `SCAN` COUNT).
    ///   - progress: called after every batch.
    /// - Throws: ``MutationError``; ``MutationError/interrupted(node:command:completed:batch:reason:)``
    ///   with the count completed when the connection fails midway.
    public func deleteMatching(
        _ plan: PatternPlan, rate: Int = 5000, batchSize: Int = 500,
        progress: @Sendable (BulkProgress) -> Void = { _ in }
    ) async throws -> BulkResult {
        let detail = "rate=\(rate) batch=\(batchSize)"
        try await refuseIfReadOnly("UNLINK", pattern: plan.pattern.source, detail: detail)
        try validate(plan, rate: rate, batchSize: batchSize)
        let pacer = BulkPacer(rate: rate)
        var tally = BulkTally(command: "UNLINK", expected: plan.count)
        var batch = UndoStack.Batch(entries: [], deletedAt: MonotonicClock.now())
        var keptBytes = 0
        let aborted: Bool
        do {
            aborted = try await forEachPacedBatch(
                plan, batchSize: batchSize, pacer: pacer,
                done: "\(tally.changed) keys were deleted, the rest was not touched",
                scanned: { tally.scanned }
            ) { chunk in
                try await deleteBatch(chunk, tally: &tally, batch: &batch, keptBytes: &keptBytes)
                progress(tally.progress(elapsed: pacer.elapsed))
            }
        } catch {
            undoStack.push(batch)
            let failure = Self.interrupted(error, node: node, command: "UNLINK", completed: tally.changed, batch: batchSize)
            await audit(
                "UNLINK", keys: tally.listed, keyCount: tally.changed, pattern: plan.pattern.source, detail: detail,
                result: Self.auditResult(failure))
            throw failure
        }
        undoStack.push(batch)
        await audit(
            "UNLINK", keys: tally.listed, keyCount: tally.changed, pattern: plan.pattern.source,
            detail: detail + " undoable=\(tally.undoable) notUndoable=\(tally.notUndoable)", result: aborted ? "aborted" : "ok")
        return tally.result(aborted: aborted, elapsed: pacer.elapsed)
    }

    /// One batch: `MEMORY USAGE` while the budget lasts, then `DUMP`+`PTTL` of the keys that fit
    /// and one `UNLINK` of the whole batch in a single pipeline.
    private func deleteBatch(_ keys: [[UInt8]], tally: inout BulkTally, batch: inout UndoStack.Batch, keptBytes: inout Int) async throws {
        var toDump: [[UInt8]] = []
        if keptBytes < undoBudget {
            let sizes = try await exchange(
                keys.map { RedisCommand("MEMORY", "USAGE", $0) }, command: "MEMORY USAGE",
                done: "\(tally.changed) keys were deleted, the rest was not touched")
            var estimate = keptBytes
            for (key, reply) in zip(keys, sizes) {
                guard let size = try checked(reply, "MEMORY USAGE").int.map(Int.init) else { continue }
                if undoFits(size, after: estimate) {
                    toDump.append(key)
                    estimate += size
                }
            }
        }
        var commands = toDump.flatMap { [RedisCommand("DUMP", $0), RedisCommand("PTTL", $0)] }
        commands.append(RedisCommand(arguments: [Array("UNLINK".utf8)] + keys))
        let replies = try await exchange(
            commands, command: "UNLINK",
            done: "\(tally.changed) keys were deleted before this batch")
        let deleted = Int(try integer(replies[replies.count - 1], "UNLINK"))
        for (index, key) in toDump.enumerated() {
            guard let dump = try checked(replies[2 * index], "DUMP").bytes else { continue }
            let pttl = try integer(replies[2 * index + 1], "PTTL")
            guard keptBytes + dump.count + key.count <= undoBudget else { continue }
            batch.entries.append(UndoStack.Entry(key: key, dump: dump, pttl: pttl))
            keptBytes += dump.count + key.count
            tally.undoable += 1
        }
        tally.scanned += keys.count
        tally.changed += deleted
        tally.list(keys)
    }

    /// A failure midway through a bulk change, as a `MutationError` that says how far it got.
    static func interrupted(_ error: any Error, node: String, command: String, completed: Int, batch: Int) -> MutationError {
        let mapped = MutationError.transport(error, node: node, command: command, done: "")
        if case .connectionLost(_, _, let reason, _) = mapped {
            return .interrupted(node: node, command: command, completed: completed, batch: batch, reason: reason)
        }
        return mapped
    }
}
