import RESP
import RedisClient

extension MutationService {
    /// Gives every matching key that has NO TTL one of about `seconds`, spread by `jitter`
    /// (0.1 = ±10%, see ``TTLJitter``) so keys written without TTL do not all expire together.
    /// Keys that already have a TTL are left untouched.
    ///
    /// On Redis ≥ 7.0 (from `INFO server`) each key gets `EXPIRE key ttl NX`, which the server
    /// applies only to keys without a TTL. On older servers each batch first reads `PTTL` and
    /// sends `EXPIRE` only where it was -1 (a key given a TTL between the two is overwritten: the
    /// window is one round trip). Same pacing, batching and abort as
    /// ``deleteMatching(_:rate:batchSize:progress:)``. TTL changes are not on the undo stack.
    /// - Parameters:
    ///   - plan: a dry run from ``dryRun(_:typeFilter:)`` on this service.
    ///   - seconds: the nominal TTL (> 0).
    ///   - jitter: the spread as a fraction, 0…0.9.
    ///   - rate: the most keys per second.
    ///   - batchSize: keys per pipeline (and the `SCAN` COUNT).
    ///   - progress: called after every batch.
    /// - Throws: ``MutationError``, with the count completed when interrupted.
    public func expireMatching(
        _ plan: PatternPlan, seconds: Int64, jitter: Double = 0.1, rate: Int = 5000, batchSize: Int = 500,
        progress: @Sendable (BulkProgress) -> Void = { _ in }
    ) async throws -> BulkResult {
        try await giveTTLs(
            plan, seconds: seconds, jitter: jitter, rate: rate, batchSize: batchSize, undoable: false,
            detail: "seconds=\(seconds) jitter=\(jitter) rate=\(rate) batch=\(batchSize)", progress: progress)
    }

    /// The loop of ``expireMatching(_:seconds:jitter:rate:batchSize:progress:)`` and
    /// ``addTTLWithJitter(_:seconds:jitter:rate:batchSize:progress:)``: every key the plan matches
    /// that has no TTL gets one, paced; with `undoable`, the changed keys are pushed as one undo
    /// batch (undone by `PERSIST`), even when the loop is interrupted.
    func giveTTLs(
        _ plan: PatternPlan, seconds: Int64, jitter: Double, rate: Int, batchSize: Int, undoable: Bool,
        detail: String, progress: @Sendable (BulkProgress) -> Void
    ) async throws -> BulkResult {
        try await refuseIfReadOnly("EXPIRE", pattern: plan.pattern.source, detail: detail)
        try validate(plan, rate: rate, batchSize: batchSize)
        guard seconds > 0 else { throw MutationError.invalidArgument("EXPIRE: the TTL must be at least 1 second") }
        let nx = await expireNXSupported()
        let pacer = BulkPacer(rate: rate)
        var tally = BulkTally(command: "EXPIRE", expected: plan.count)
        var batch = UndoStack.Batch(entries: [], deletedAt: MonotonicClock.now(), kind: .persist)
        let aborted: Bool
        do {
            aborted = try await forEachPacedBatch(
                plan, batchSize: batchSize, pacer: pacer,
                done: "\(tally.changed) keys were given a TTL\(undoable ? " (undoable)" : ""), the rest was not touched",
                scanned: { tally.scanned }
            ) { chunk in
                let changedKeys = try await expireKeysWithoutTTL(
                    chunk, seconds: seconds, jitter: jitter, nx: nx,
                    done: "\(tally.changed) keys were given a TTL before this batch")
                if undoable {
                    batch.entries += changedKeys.map { UndoStack.Entry(key: $0, dump: [], pttl: -1) }
                    tally.undoable += changedKeys.count
                }
                tally.scanned += chunk.count
                tally.changed += changedKeys.count
                tally.skipped += chunk.count - changedKeys.count
                tally.list(changedKeys)
                progress(tally.progress(elapsed: pacer.elapsed))
            }
        } catch {
            if undoable { undoStack.push(batch) }
            let failure = Self.interrupted(error, node: node, command: "EXPIRE", completed: tally.changed, batch: batchSize)
            await audit(
                "EXPIRE", keys: tally.listed, keyCount: tally.changed, pattern: plan.pattern.source, detail: detail,
                result: Self.auditResult(failure))
            throw failure
        }
        if undoable { undoStack.push(batch) }
        await audit(
            "EXPIRE", keys: tally.listed, keyCount: tally.changed, pattern: plan.pattern.source,
            detail: detail + " skipped=\(tally.skipped)", result: aborted ? "aborted" : "ok")
        return tally.result(aborted: aborted, elapsed: pacer.elapsed)
    }

    /// Whether the server takes `EXPIRE … NX` (Redis ≥ 7.0, every Valkey), asked once with `INFO server`.
    /// Any doubt (INFO refused, unknown version) means no: the PTTL fallback is always correct.
    func expireNXSupported() async -> Bool {
        if let supportsExpireNX { return supportsExpireNX }
        var supported = false
        if let reply = try? await connection.pipeline([RedisCommand("INFO", "server")]).first, let text = reply.string {
            supported = (InfoSnapshot(parsing: text).serverMajorMinor?.major ?? 0) >= 7
        }
        supportsExpireNX = supported
        return supported
    }
}

extension MutationService {
    /// Pins the `EXPIRE … NX` decision instead of asking `INFO` (tests run the pre-7.0 path with it).
    func setExpireNXSupported(_ supported: Bool) {
        supportsExpireNX = supported
    }
}
