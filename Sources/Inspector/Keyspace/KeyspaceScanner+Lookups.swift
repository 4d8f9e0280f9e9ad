// The scanner's lookups coming back: applied to the index, the walked share they vouch for, the memory budget.
import RESP

extension KeyspaceScanner {
    /// One pipeline of lookups (`TYPE`/`PTTL`/`MEMORY USAGE`, or script chunks) for the new keys of one SCAN.
    struct LookupBatch: Sendable {
        /// Order sent within the scan.
        var sequence: Int
        var ids: [UInt32]
        /// The keys, by position: ids of an index the budget has rebuilt since are found again by them.
        var keys: [[UInt8]]
        /// ``indexEpoch`` when sent.
        var epoch: Int
        var replies: [RESPValue]
        /// Replies are packed script results (one per chunk), not three replies a key.
        var scripted: Bool
    }

    /// Keys of one SCAN counted but not looked up (``LookupSample``): they join the view when
    /// every lookup batch up to ``sequence`` is applied, so the view never holds keys from past
    /// the share ``updateVisitedFraction()`` vouches for.
    struct HeldKeys: Sendable {
        /// The lookup batch they wait for (the one sent with them, or the last one before).
        var sequence: Int
        /// ``indexEpoch`` when counted: ids of an index rebuilt since are found again by the keys.
        var epoch: Int
        var ids: [UInt32] = []
        var keys: [[UInt8]] = []
    }

    /// Moves the held keys whose lookups before them are all back into the sorted order.
    func releaseHeld() {
        let oldest = lookupsOutstanding.keys.min() ?? Int.max
        while let first = held.first, first.sequence < oldest {
            held.removeFirst()
            let ids = first.epoch == indexEpoch ? first.ids : first.keys.compactMap { index.find($0)?.rawValue }
            sorted.append(ids)
            progressValue.keysCounted += ids.count
        }
    }

    /// Past the memory budget, keeps a sample of the index (see ``IndexBudget``).
    func keepWithinBudget() {
        guard let (kept, newIDs) = budget.enforce(on: index) else { return }
        sorted.merge(using: index)
        sorted.renumber(newIDs)
        index = kept
        indexEpoch += 1
        progressValue.sampleRate = budget.rate
        progressValue.keysIndexed = index.liveCount
    }

    /// The share of the keyspace the published keys stand for: the cursor's share before the
    /// oldest SCAN whose lookups are not back yet (its keys are not in the view), or the newest
    /// cursor's when every lookup is back. Estimates divide the keys held by this share, so it
    /// must not run ahead of them.
    func updateVisitedFraction() {
        if let oldest = lookupsOutstanding.keys.min() {
            progressValue.visitedFraction = lookupsOutstanding[oldest] ?? nil
        } else {
            progressValue.visitedFraction = walkedFraction
        }
    }

    /// Applies one batch of lookup replies to the index.
    func apply(_ batch: LookupBatch) {
        var batch = batch
        lookupsOutstanding[batch.sequence] = nil
        defer { updateVisitedFraction() }
        if batch.epoch != indexEpoch {
            // Sent before the budget rebuilt the index: find the keys still kept by their bytes.
            // A dropped key's replies are skipped (UInt32.max marks it).
            batch.ids = batch.keys.map { index.find($0)?.rawValue ?? .max }
        }
        let now = wallClockMilliseconds()
        if batch.scripted {
            let chunkSize = Swift.max(1, policy.scriptChunkSize)
            for (chunk, reply) in batch.replies.enumerated() {
                let start = chunk * chunkSize
                let end = Swift.min(start + chunkSize, batch.ids.count)
                guard start < end, let found = KeyLookupScript.read(reply, expectedCount: end - start, now: now) else { continue }
                for (n, item) in found.enumerated() where batch.ids[start + n] != .max {
                    index.update(KeyID(rawValue: batch.ids[start + n]), type: item.type, ttl: item.ttl, memory: item.memory)
                }
            }
        } else {
            guard batch.replies.count == batch.ids.count * KeyLookup.commandsPerKey else { return }
            for (n, raw) in batch.ids.enumerated() where raw != .max {
                let found = KeyLookup.read(batch.replies, at: n * KeyLookup.commandsPerKey, now: now)
                index.update(KeyID(rawValue: raw), type: found.type, ttl: found.ttl, memory: found.memory)
            }
        }
        sorted.append(batch.ids.lazy.filter { $0 != .max })
        progressValue.keysLookedUp += batch.ids.count
        progressValue.keysIndexed = index.liveCount
        releaseHeld()
    }
}
