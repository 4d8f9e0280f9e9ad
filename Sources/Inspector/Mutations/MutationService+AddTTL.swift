import Foundation
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
        var count = 0
        var memory = 0
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
        return PatternPlan(
            pattern: pattern, typeFilter: nil, node: node, database: database, count: count,
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
    public func addTTLWithJitter(
        _ plan: PatternPlan, seconds: Int64, jitter: Double = 0.1, rate: Int = 5000, batchSize: Int = 500,
        progress: @Sendable (BulkProgress) -> Void = { _ in }
    ) async throws -> BulkResult {
        try await giveTTLs(
            plan, seconds: seconds, jitter: jitter, rate: rate, batchSize: batchSize, undoable: true,
            detail: "add-ttl seconds=\(seconds) jitter=\(jitter) rate=\(rate) batch=\(batchSize)", progress: progress)
    }

    /// Undoes an added TTL: `PERSIST` each key given one. A key that is gone is reported as
    /// expired; a key that lost its TTL meanwhile (PERSIST answers 0) is left as it is.
    func undoAddedTTL(_ batch: UndoStack.Batch) async throws -> UndoOutcome {
        var restored: [[UInt8]] = []
        var expired: [[UInt8]] = []
        do {
            for chunk in batch.entries.chunks(of: Self.chunkSize) {
                let commands = chunk.flatMap { [RedisCommand("EXISTS", $0.key), RedisCommand("PERSIST", $0.key)] }
                let replies = try await exchange(
                    commands, command: "PERSIST",
                    done: "\(restored.count) keys had their TTL removed before the failure; the rest stay undoable")
                for (offset, entry) in chunk.enumerated() {
                    if try integer(replies[2 * offset], "EXISTS") == 0 {
                        expired.append(entry.key)
                        continue
                    }
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
