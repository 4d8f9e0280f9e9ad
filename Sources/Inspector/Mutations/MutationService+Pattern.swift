import Foundation
import RESP
import RedisClient

extension MutationService {
    /// `SCAN … COUNT` for dry runs: bounded, so each call does a small, known amount of work.
    static let dryRunScanCount = 1000

    /// Counts what a change by pattern would touch, across this node, without changing anything:
    /// `SCAN MATCH` (bounded `COUNT`, never `KEYS`), `MEMORY USAGE` per key in pipelines.
    /// - Parameters:
    ///   - pattern: the glob, as `SCAN … MATCH` reads it.
    ///   - typeFilter: only keys of this type (`SCAN … TYPE`); string, list, set, zset, hash or stream.
    /// - Returns: the count, memory, up to 20 names, the undo estimate and the confirmation word.
    /// - Throws: ``MutationError`` (refused when read-only: a dry run is the first step of a change).
    public func dryRun(_ pattern: GlobPattern, typeFilter: RedisKeyType? = nil) async throws -> PatternPlan {
        try await refuseIfReadOnly("SCAN", pattern: pattern.source, detail: "dry run")
        try validate(pattern, typeFilter)
        var count = 0
        var memory = 0
        var undoable = 0
        var undoableBytes = 0
        var sample: [[UInt8]] = []
        try await scan(pattern, typeFilter: typeFilter, count: Self.dryRunScanCount) { keys in
            for chunk in keys.chunks(of: Self.chunkSize) {
                let replies = try await exchange(
                    chunk.map { RedisCommand("MEMORY", "USAGE", $0) }, command: "MEMORY USAGE",
                    done: "nothing was changed")
                for (key, reply) in zip(chunk, replies) {
                    guard let size = try checked(reply, "MEMORY USAGE").int.map(Int.init) else { continue }  // gone meanwhile
                    count += 1
                    memory += size
                    if undoableBytes + size <= undoBudget {
                        undoable += 1
                        undoableBytes += size
                    }
                    if sample.count < PatternPlan.sampleSize { sample.append(key) }
                }
            }
            return true
        }
        return PatternPlan(
            pattern: pattern, typeFilter: typeFilter, node: node, database: database, count: count,
            memoryBytes: memory, sample: sample, estimatedUndoable: undoable, scannedAt: .now)
    }

    /// Refuses patterns and types `SCAN` cannot take.
    func validate(_ pattern: GlobPattern, _ typeFilter: RedisKeyType?) throws {
        guard !pattern.source.isEmpty else { throw MutationError.invalidArgument("an empty pattern matches nothing; use * for every key") }
        if let typeFilter, [.unknown, .other, .gone].contains(typeFilter) {
            throw MutationError.invalidArgument("SCAN cannot filter on type \(typeFilter); use string, list, set, zset, hash or stream")
        }
    }

    /// Refuses a plan made for another node or database.
    func validate(_ plan: PatternPlan, rate: Int, batchSize: Int) throws {
        guard plan.node == node, plan.database == database else {
            throw MutationError.invalidArgument("the plan was made for \(plan.confirmationWord), not \(node)/db\(database)")
        }
        guard rate > 0, batchSize > 0 else { throw MutationError.invalidArgument("rate and batch size must be at least 1") }
        try validate(plan.pattern, plan.typeFilter)
    }

    /// Runs `SCAN cursor MATCH pattern COUNT count [TYPE t]` to the end, handing each page to
    /// `body`; `body` returns false to stop early.
    /// The loop both bulk changes run: SCAN the plan's pattern, cut each page into batches, wait
    /// for the pacer before each batch, and hand it to `body`.
    /// - Returns: true when the task was cancelled (the pacer stopped), false when it ran to the end.
    func forEachPacedBatch(
        _ plan: PatternPlan, batchSize: Int, pacer: BulkPacer, done: @autoclosure () -> String,
        scanned: () -> Int, _ body: ([[UInt8]]) async throws -> Void
    ) async throws -> Bool {
        var aborted = false
        try await scan(plan.pattern, typeFilter: plan.typeFilter, count: batchSize, done: done()) { keys in
            for chunk in keys.chunks(of: batchSize) {
                do {
                    try await pacer.pace(done: scanned())
                } catch {
                    aborted = true
                    return false
                }
                try await body(Array(chunk))
            }
            return true
        }
        return aborted
    }

    func scan(
        _ pattern: GlobPattern, typeFilter: RedisKeyType?, count: Int,
        done: @autoclosure () -> String = "nothing was changed",
        _ body: ([[UInt8]]) async throws -> Bool
    ) async throws {
        var cursor: [UInt8] = Array("0".utf8)
        repeat {
            var arguments: [[UInt8]] = [
                Array("SCAN".utf8), cursor, Array("MATCH".utf8), pattern.source,
                Array("COUNT".utf8), Array(String(count).utf8),
            ]
            if let typeFilter { arguments += [Array("TYPE".utf8), Array(typeFilter.description.utf8)] }
            let reply = try checked(try await exchange([RedisCommand(arguments: arguments)], command: "SCAN", done: done())[0], "SCAN")
            guard let parts = reply.array, parts.count == 2, let next = parts[0].bytes, let page = parts[1].array else {
                throw MutationError.unexpectedReply(node: node, command: "SCAN")
            }
            cursor = next
            let keys = page.compactMap(\.bytes)
            if !keys.isEmpty, try await !body(keys) { return }
        } while cursor != Array("0".utf8)
    }
}
