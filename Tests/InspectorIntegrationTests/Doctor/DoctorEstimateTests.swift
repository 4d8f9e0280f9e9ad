import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

/// The doctor over an index past its memory budget (a uniform sample of the keys): its counts
/// are weighed up to the whole keyspace and marked estimated.
@Suite("Cache doctor on estimates", .timeLimit(.minutes(3)))
struct DoctorEstimateTests {
    @Test("60k keys, 12k of them without TTL under user:, indexed past a small budget: the missing-TTL finding is estimated near 12k")
    func sampledIndex() async throws {
        try await RedisFixture.with { redis in
            var commands = (0..<48_000).map { RedisCommand("SET", "user:\($0)", "row-\($0)", "EX", 3000 + $0 % 977) }
            commands += (48_000..<60_000).map { RedisCommand("SET", "user:\($0)", "row-\($0)") }
            try await redis.run(commands)
            let scanner = KeyspaceScanner(scanConnection: redis.connection, policy: ScanLoadPolicy(maxCommandsPerSecond: nil, indexBudgetBytes: 2 << 20))
            await scanner.start()
            await scanner.waitUntilDone()
            let progress = await scanner.progress
            #expect(progress.sampleRate < 1, "the budget forced a sample")
            #expect(progress.sampleShare == progress.sampleRate)
            let view = await scanner.view
            let report = await CacheDoctor(connection: redis.connection, node: "n").diagnose(view, complete: true, expectedKeys: 60_000, sampleShare: progress.sampleShare)
            #expect(report.isEstimated)
            #expect(report.sampleShare == progress.sampleRate)
            // Weighed up, the report speaks of the whole keyspace: 60k keys within 5 standard errors of a binomial sample.
            let sd = (60_000 * (1 - progress.sampleRate) / progress.sampleRate).squareRoot()
            #expect(abs(Double(report.indexedKeys) - 60_000) <= 5 * sd, "\(report.indexedKeys) keys for 60000 (sd \(sd))")
            let finding = try #require(report.findings.first { $0.kind == .missingTTL })
            #expect(finding.estimated)
            let sdMissing = (12_000 * (1 - progress.sampleRate) / progress.sampleRate).squareRoot()
            #expect(abs(Double(finding.keyCount) - 12_000) <= 5 * sdMissing, "\(finding.keyCount) keys without TTL for 12000")
            // The walk completed and counted every name: the prefix's key count is exact.
            guard case .missingTTL(let facts) = finding.facts else { return #expect(Bool(false), "missing-TTL facts") }
            #expect(facts.prefixKeysExact && facts.prefixKeys == 60_000, "\(facts)")
            print("doctor at sample rate \(progress.sampleRate): \(report.indexedKeys) keys, missing TTL \(finding.keyCount) (truth 60000, 12000)")
        }
    }

    @Test("past the lookup limit, the doctor weighs TTL counts by the share of keys looked up")
    func sampledLookups() async throws {
        try await RedisFixture.with { redis in
            var commands = (0..<48_000).map { RedisCommand("SET", "user:\($0)", "row-\($0)", "EX", 3000 + $0 % 977) }
            commands += (48_000..<60_000).map { RedisCommand("SET", "user:\($0)", "row-\($0)") }
            try await redis.run(commands)
            let scanner = KeyspaceScanner(scanConnection: redis.connection, policy: ScanLoadPolicy(maxCommandsPerSecond: nil, exactLookupLimit: 6000))
            await scanner.start()
            await scanner.waitUntilDone()
            let progress = await scanner.progress
            let report = await CacheDoctor(connection: redis.connection, node: "n").diagnose(
                await scanner.view, complete: true, expectedKeys: 60_000, sampleShare: progress.sampleShare)
            #expect(report.isEstimated && report.sampleShare == 1)
            #expect(abs(report.lookupShare - 0.1) < 0.02, "lookup share \(report.lookupShare)")
            #expect(report.indexedKeys == 60_000, "every key counted")
            let finding = try #require(report.findings.first { $0.kind == .missingTTL })
            #expect(finding.estimated)
            // About 1,200 of the 12,000 without TTL were looked up: weighed up, within 5 standard errors.
            let sd = (12_000 * 0.9 / 0.1).squareRoot()
            #expect(abs(Double(finding.keyCount) - 12_000) <= 5 * sd, "\(finding.keyCount) keys without TTL for 12000")
        }
    }
}
