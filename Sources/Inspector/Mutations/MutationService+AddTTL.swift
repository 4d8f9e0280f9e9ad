import RESP
import RedisClient

extension MutationService {
    /// Counts the keys matching `pattern` that have NO TTL (the keys an added TTL would change):
    /// `SCAN MATCH` (bounded `COUNT`), then `PTTL` and `MEMORY USAGE` per key in pipelines.
    /// Nothing is changed. `count`, `memoryBytes` and `sample` cover the TTL-less keys only.
    /// - Throws: ``MutationError`` (refused when read-only: a dry run is the first step of a change).
    public func dryRunMissingTTL(_ pattern: GlobPattern) async throws -> PatternPlan {
        try await refuseIfReadOnly("SCAN", pattern: pattern.source, detail: "dry run: keys without TTL")
        try validate(pattern, nil)
        var count = 0, memory = 0
        var sample: [[UInt8]] = []
        try await scan(pattern, typeFilter: nil, count: Self.dryRunScanCount) { keys in
            for chunk in keys.chunks(of: Self.chunkSize) {
                let commands = chunk.flatMap { [RedisCommand("PTTL", $0), RedisCommand("MEMORY", "USAGE", $0)] }
                let replies = try await exchange(commands, command: "PTTL", done: "nothing was changed")
                for (offset, key) in chunk.enumerated() {
                    guard try integer(replies[2 * offset], "PTTL") == -1 else { continue }
                    count += 1
                    memory += try checked(replies[2 * offset + 1], "MEMORY USAGE").int.map(Int.init) ?? 0
                    if sample.count < PatternPlan.sampleSize { sample.append(key) }
                }
            }
            return true
        }
        return PatternPlan(pattern: pattern, typeFilter: nil, node: node, database: database, count: count,
                           memoryBytes: memory, sample: sample, estimatedUndoable: count, scannedAt: .now)
    }

    /// The cache doctor's fix for TTL-less keys: gives every key matching the plan's pattern that
    /// has NO TTL one of `seconds` ± `jitter`, paced and batched like
    /// ``expireMatching(_:plan:seconds:jitter:rate:batchSize:progress:)`` (`EXPIRE … NX` on Redis ≥ 7,
    /// a `PTTL` check before on older servers), and — unlike it — keeps the changed keys on the undo
    /// stack: ``undo(overwrite:)`` then `PERSIST`s exactly those keys, back to no TTL.
    /// - Parameters:
    ///   - plan: a dry run from ``dryRunMissingTTL(_:)`` (or ``dryRun(_:typeFilter:)``) on this service.
    ///   - seconds: the nominal TTL (> 0).
    ///   - jitter: the spread as a fraction, 0…0.9.
    ///   - rate: the most keys per second.
    ///   - batchSize: keys per pipeline (and the `SCAN` COUNT).
    ///   - progress: called after every batch.
    /// - Throws: ``MutationError``, with the count completed when interrupted (what was changed
    ///   stays undoable).
    public func addTTLWithJitter(_ plan: PatternPlan, seconds: Int64, jitter: Double = 0.1, rate: Int = 5000, batchSize: Int = 500,
                                 progress: @Sendable (BulkProgress) -> Void = { _ in }) async throws -> BulkResult {
        let detail = "add-ttl seconds=\(seconds) jitter=\(jitter) rate=\(rate) batch=\(batchSize)"
        try await refuseIfReadOnly("EXPIRE", pattern: plan.pattern.source, detail: detail)
        try validate(plan, rate: rate, batchSize: batchSize)
        guard seconds > 0 else { throw MutationError.invalidArgument("EXPIRE: the TTL must be at least 1 second") }
        let nx = await expireNXSupported()
        let pacer = BulkPacer(rate: rate)
        var tally = BulkTally(command: "EXPIRE", expected: plan.count)
        var batch = UndoStack.Batch(entries: [], deletedAt: MonotonicClock.now(), kind: .persist)
        let aborted: Bool
        do {
            aborted = try await forEachPacedBatch(plan, batchSize: batchSize, pacer: pacer,
                                                  done: "\(tally.changed) keys were given a TTL (undoable), the rest was not touched",
                                                  scanned: { tally.scanned }) { chunk in
                let changedKeys = try await expireKeysWithoutTTL(chunk, seconds: seconds, jitter: jitter, nx: nx,
                                                                 done: "\(tally.changed) keys were given a TTL before this batch")
                batch.entries += changedKeys.map { UndoStack.Entry(key: $0, dump: [], pttl: -1) }
                tally.scanned += chunk.count
                tally.changed += changedKeys.count
                tally.undoable += changedKeys.count
                tally.skipped += chunk.count - changedKeys.count
                tally.list(changedKeys)
                progress(tally.progress(elapsed: pacer.elapsed))
            }
        } catch {
            undoStack.push(batch)
            let failure = Self.interrupted(error, node: node, command: "EXPIRE", completed: tally.changed, batch: batchSize)
            await audit("EXPIRE", keys: tally.listed, keyCount: tally.changed, pattern: plan.pattern.source, detail: detail,
                        result: Self.auditResult(failure))
            throw failure
        }
        undoStack.push(batch)
        await audit("EXPIRE", keys: tally.listed, keyCount: tally.changed, pattern: plan.pattern.source,
                    detail: detail + " skipped=\(tally.skipped)", result: aborted ? "aborted" : "ok")
        return tally.result(aborted: aborted, elapsed: pacer.elapsed)
    }

    /// Undoes an added TTL: `PERSIST` each key given one. A key that is gone is reported as
    /// expired; a key that lost its TTL meanwhile (PERSIST answers 0) is left as it is.
    func undoAddedTTL(_ batch: UndoStack.Batch) async throws -> UndoOutcome {
        var restored: [[UInt8]] = [], expired: [[UInt8]] = []
        do {
            for chunk in batch.entries.chunks(of: Self.chunkSize) {
                let commands = chunk.flatMap { [RedisCommand("EXISTS", $0.key), RedisCommand("PERSIST", $0.key)] }
                let replies = try await exchange(commands, command: "PERSIST",
                                                 done: "\(restored.count) keys had their TTL removed before the failure; the rest stay undoable")
                for (offset, entry) in chunk.enumerated() {
                    if try integer(replies[2 * offset], "EXISTS") == 0 { expired.append(entry.key); continue }
                    _ = try integer(replies[2 * offset + 1], "PERSIST")
                    restored.append(entry.key)
                }
            }
        } catch {
            let done = Set(restored)
            undoStack.push(UndoStack.Batch(entries: batch.entries.filter { !done.contains($0.key) }, deletedAt: batch.deletedAt, kind: .persist))
            await audit("PERSIST", keys: batch.entries.map(\.key), keyCount: restored.count, detail: "undo add-ttl", result: Self.auditResult(error))
            throw error
        }
        let outcome = UndoOutcome(restored: restored, existsAgain: [], expired: expired, failed: [])
        await audit("PERSIST", keys: restored, keyCount: restored.count, detail: "undo add-ttl " + outcome.summary, result: "ok")
        return outcome
    }
}
