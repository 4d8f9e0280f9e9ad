import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

@Suite("Doctor: hash field TTLs", .timeLimit(.minutes(1)))
struct FieldTTLSurveyTests {
    @Test("findings from a sample: a wave among fields, and persistent hashes with expiring fields")
    func findings() {
        let now: Int64 = 1_000_000
        let waved = (0..<60).map { FieldTTLSurvey.Hash(key: Array("session:\($0)".utf8), persistent: true, sampledFields: 2, fieldDeadlines: [now + 600_000 + Int64($0)]) }
        let spread = (0..<60).map { FieldTTLSurvey.Hash(key: Array("cart:\($0)".utf8), persistent: false, sampledFields: 1, fieldDeadlines: [now + Int64($0) * 10_000]) }
        let both = FieldTTLSurvey(hashes: waved + spread).findings(now: now)
        #expect(both.map(\.kind) == [.expiringFieldsInPersistentHash, .fieldExpiryWave])
        #expect(both[0].keyCount == 60)
        #expect(both[1].facts == .fieldExpiryWave(FindingFacts.FieldExpiryWave(peakPerSecond: 60, share: 0.5, expiringFields: 120, secondsUntilPeak: 600)))
        #expect(FieldTTLSurvey(hashes: spread).findings(now: now).isEmpty)
    }

    @Test("sampled from the server under test where it has field TTLs; refused where it has not")
    func sampleFromServer() async throws {
        try await RedisFixture.with { fixture in
            let keys = (0..<60).map { Array("session:\($0)".utf8) }
            try await fixture.run((0..<60).map { RedisCommand("HSET", "session:\($0)", "token", "t", "user", "u") })
            guard try await ServerFeatures.detect(fixture.connection).hashFieldTTLs else {
                await #expect(throws: KeyspaceError.self) { _ = try await FieldTTLSurvey.sample(fixture.connection, hashes: keys) }
                return
            }
            try await fixture.run(
                (0..<60).map { RedisCommand("HEXPIRE", "session:\($0)", 600, "FIELDS", 1, "token") }
                    + (50..<60).map { RedisCommand("EXPIRE", "session:\($0)", 900) })
            let survey = try await FieldTTLSurvey.sample(fixture.connection, hashes: keys + [Array("session:none".utf8)])
            #expect(survey.hashes.count == 60)
            #expect(survey.hashes.allSatisfy { $0.sampledFields == 2 && $0.fieldDeadlines.count == 1 })
            let findings = survey.findings(now: wallClockMilliseconds())
            #expect(findings.first { $0.kind == .expiringFieldsInPersistentHash }?.keyCount == 50)
            #expect(findings.contains { $0.kind == .fieldExpiryWave })
        }
    }
}
