import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

/// The whole doctor, run over an indexed keyspace on the server under test: where the server has
/// hash field TTLs (Redis 7.4+) its field TTL survey finds what was built; elsewhere the same
/// keyspace gives neither finding nor a note (nothing changes on Redis 7.0 or Valkey 8).
@Suite("Doctor: hash field TTLs in a diagnosis", .timeLimit(.minutes(1)))
struct DoctorFieldTTLTests {
    @Test("diagnose surveys hashes with field TTLs: a field expiry wave and persistent hashes with expiring fields")
    func diagnoseFindsFieldTTLs() async throws {
        let binary = try ServerBinary.current()
        try await RedisFixture.with { redis in
            try await redis.run((0..<80).map { RedisCommand("HSET", "session:\($0)", "token", "t\($0)", "user", "u\($0)") })
            let features = try await ServerFeatures.detect(redis.connection)
            if features.hashFieldTTLs {
                // Every token expires in the same second, in hashes that never expire.
                try await redis.run((0..<80).map { RedisCommand("HEXPIRE", "session:\($0)", 900, "FIELDS", 1, "token") })
            }
            let (report, _) = try await CacheDoctorTests.diagnose(redis)
            let kinds = Set(report.findings.map(\.kind))
            #expect(!report.notes.contains { if case .sampleStopped(.fieldTTLs, _) = $0 { true } else { false } }, "\(binary): \(report.notes)")
            guard features.hashFieldTTLs else {
                #expect(!kinds.contains(.fieldExpiryWave) && !kinds.contains(.expiringFieldsInPersistentHash), "\(binary)")
                return
            }
            let persistent = try #require(report.findings.first { $0.kind == .expiringFieldsInPersistentHash }, "\(binary)")
            #expect(persistent.keyCount == 80, "\(binary)")
            guard case .expiringFieldsInPersistentHash(let facts) = persistent.facts else { throw TestFailure("facts: \(persistent.facts)") }
            #expect(facts.expiringFields == 80 && facts.sampledFields == 160, "\(binary)")
            let wave = try #require(report.findings.first { $0.kind == .fieldExpiryWave }, "\(binary)")
            guard case .fieldExpiryWave(let waveFacts) = wave.facts else { throw TestFailure("facts: \(wave.facts)") }
            #expect(waveFacts.peakPerSecond >= 40 && waveFacts.expiringFields == 80, "\(binary)")
            #expect((880...900).contains(waveFacts.secondsUntilPeak), "\(binary)")
        }
    }

    @Test("the hash sample is spread evenly over the index and bounded")
    func hashSample() async throws {
        try await RedisFixture.with { redis in
            try await redis.run((0..<30).map { RedisCommand("HSET", "cart:\($0)", "item", "1") } + (0..<30).map { RedisCommand("SET", "user:\($0)", "x") })
            let scanner = KeyspaceScanner(scanConnection: redis.connection, policy: ScanLoadPolicy(maxCommandsPerSecond: nil))
            await scanner.start()
            await scanner.waitUntilDone()
            let view = await scanner.view
            #expect(Set(CacheDoctor.hashSample(view, limit: 100)).count == 30)
            let ten = CacheDoctor.hashSample(view, limit: 10)
            #expect(ten.count == 10 && Set(ten).count == 10)
            #expect(ten.allSatisfy { $0.starts(with: Array("cart:".utf8)) })
        }
    }
}

/// A failed precondition with its reason.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
