// Past the index budget on a real server: the walk's per-prefix counters make folder counts exact once it completes.
import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

/// The scanner counts every key name SCAN returns into bounded per-prefix counters
/// (``PrefixCounter``) while its index keeps only a sample past its budget. These walk the seeded
/// keyspace of ``EstimateAccuracyTests`` (60k keys, 11 families and 200 tail prefixes) under a
/// 1 MiB budget, where the index holds about one key in eight.
@Suite("The scanner's per-prefix counts past the budget on real servers", .serialized, .timeLimit(.minutes(4)))
struct ScannerPrefixCountTests {
    static let total = 60_000

    /// Walks the whole seeded keyspace under a 1 MiB index budget and `capacity` counted prefixes.
    static func walk(capacity: Int) async throws -> (view: KeyspaceView, progress: ScanProgress, dbsize: Int, truth: [String: Int]) {
        try TestServerBinary.prepare()
        let (commands, truth) = EstimateAccuracyTests.keyspace(total: total)
        var result: (KeyspaceView, ScanProgress, Int)?
        try await RedisFixture.with { redis in
            try await redis.run(commands)
            let dbsize = Int(try await redis.connection.call(RedisCommand("DBSIZE")).int ?? -1)
            let lookups = try await redis.connect()
            let scanner = KeyspaceScanner(
                scanConnection: redis.connection, lookupConnections: [lookups],
                policy: ScanLoadPolicy(maxCommandsPerSecond: nil, indexBudgetBytes: 1 << 20, prefixCounterCapacity: capacity))
            await scanner.start()
            await scanner.waitUntilDone()
            result = (await scanner.view, await scanner.progress, dbsize)
            await lookups.close()
        }
        let (view, progress, dbsize) = try #require(result)
        return (view, progress, dbsize, truth.mapValues(\.keys))
    }

    @Test("after a complete walk every folder's key count is the generator's, exact; memory keeps its interval")
    func exactCounts() async throws {
        let (view, progress, dbsize, truth) = try await Self.walk(capacity: 4096)
        #expect(dbsize == Self.total)
        #expect(progress.phase == .finished)
        #expect(progress.sampleRate < 0.25 && progress.sampleRate > 0, "rate \(progress.sampleRate): the index holds a sample")
        #expect(view.count < Self.total / 4)
        let counter = try #require(view.prefixCounter)
        #expect(counter.duplicatesSeen == 0)
        #expect(counter.folded(under: []) == 0)
        #expect(truth.count > 200)
        var wrong: [String] = []
        for (prefix, keys) in truth {
            let figures = view.figures(ofPrefix: Array(prefix.utf8), visitedFraction: 1)
            if figures.keys != Estimate(exact: Double(keys)) { wrong.append("\(prefix) \(keys): \(figures.keys)") }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
        let whole = view.totalFigures(visitedFraction: 1)
        #expect(whole.keys == Estimate(exact: Double(dbsize)))
        let memory = try #require(whole.memory)
        #expect(!memory.isExact && memory.low < memory.high, "memory stays an estimate with an interval: \(memory)")
        let user = try #require(view.figures(ofPrefix: Array("user:".utf8), visitedFraction: 1).memory)
        #expect(!user.isExact)
        // Before the end the counts stay estimates.
        #expect(!view.figures(ofPrefix: Array("user:".utf8), visitedFraction: 0.5).keys.isExact)
        print("index sample \(progress.sampleRate), \(view.count) keys held; \(truth.count) folders exact; total memory \(memory)")
    }

    @Test("more prefixes than the counters hold: the smallest fold into other, held counts match, totals add up to DBSIZE")
    func foldedIntoOther() async throws {
        let (view, progress, dbsize, truth) = try await Self.walk(capacity: 64)
        #expect(progress.phase == .finished)
        #expect(progress.sampleRate < 1)
        let counter = try #require(view.prefixCounter)
        #expect(counter.heldCount <= 64)
        #expect(counter.total == dbsize)
        let first = counter.children(of: [])
        #expect(counter.folded(under: []) > 0, "200 tail prefixes cannot all be held in 64")
        #expect(counter.direct(in: []) + first.reduce(0) { $0 + $1.count } + counter.folded(under: []) == dbsize)
        var exact = 0
        var problems: [String] = []
        for parent in [[]] + first.map(\.prefix) {
            for child in parent.isEmpty ? first : counter.children(of: parent) {
                let text = String(decoding: child.prefix, as: UTF8.self)
                let truthCount = truth[text] ?? -1
                if counter.isExact(child.prefix) {
                    exact += 1
                    if child.count != truthCount { problems.append("\(text) counted \(child.count), truth \(truthCount)") }
                    let keys = view.figures(ofPrefix: child.prefix, visitedFraction: 1).keys
                    if keys != Estimate(exact: Double(truthCount)) { problems.append("\(text) shows \(keys)") }
                } else {
                    if child.count > truthCount { problems.append("\(text) counted \(child.count) above its truth \(truthCount)") }
                    // Held again after a fold: the sample's estimate, bounded by what the counts allow.
                    let keys = view.figures(ofPrefix: child.prefix, visitedFraction: 1).keys
                    let ceiling = Double(child.count + counter.folded(under: parent))
                    if keys.isExact || keys.low < Double(child.count) || keys.high > ceiling || !(keys.low...keys.high).contains(keys.value) {
                        problems.append("\(text) shows \(keys), counted \(child.count), ceiling \(ceiling)")
                    }
                }
            }
            if !parent.isEmpty {
                let children = counter.children(of: parent).reduce(0) { $0 + $1.count }
                let sum = counter.direct(in: parent) + children + counter.folded(under: parent)
                if sum != counter.count(of: parent) { problems.append("\(String(decoding: parent, as: UTF8.self)) does not add up") }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(exact >= 5, "the largest folders, met first, stay exact (\(exact))")
        print("64 prefixes held (\(exact) exact), other under the root: \(counter.folded(under: [])) keys of \(counter.foldedPrefixes) folded prefixes")
    }
}
