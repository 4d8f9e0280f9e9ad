import Testing

@testable import Inspector

/// The pure half of the doctor on hand-made indexes: one pass, prefixes, waves, names.
@Suite("Doctor analysis")
struct DoctorAnalysisTests {
    static func view(_ entries: [(String, RedisKeyType, KeyTTL, UInt64)]) -> KeyspaceView {
        var index = KeyIndex()
        for (key, type, ttl, memory) in entries {
            let id = index.insert(Array(key.utf8))!.id
            index.update(id, type: type, ttl: ttl, memory: memory)
        }
        return KeyspaceView(index: index)
    }

    @Test func profilesPerPrefixInOnePass() {
        let now: Int64 = 1_000_000_000
        var entries: [(String, RedisKeyType, KeyTTL, UInt64)] = []
        for i in 0..<30 { entries.append(("user:\(i)", .string, .expires(atMilliseconds: now + 60_000 + Int64(i) * 1000), 100)) }
        for i in 0..<10 { entries.append(("user:x\(i)", .hash, .persistent, 50)) }
        entries.append(("loose", .string, .persistent, 10))
        entries.append(("use", .string, .persistent, 10))
        entries.append(("job:1:lock", .string, .persistent, 10))
        let analysis = DoctorAnalysis(view: Self.view(entries), now: now)
        #expect(analysis.keyCount == 43)
        #expect(analysis.profiles.map(\.prefix) == [[], Array("job:".utf8), Array("user:".utf8)])
        let user = analysis.profiles[2]
        #expect(user.keyCount == 40 && user.expiringCount == 30 && user.persistentCount == 10)
        #expect(user.persistentMemory == 500 && user.memory == 3500)
        #expect(user.peakPerSecond == 1)
        #expect(analysis.profiles[0].keyCount == 2)
        #expect(analysis.locks.map(\.key) == [Array("job:1:lock".utf8)])
        let missing = MissingTTLDetector.findings(analysis)
        #expect(missing.count == 1 && missing[0].keyCount == 10 && missing[0].memory == 500)
    }

    @Test func waveStraddlingASecondIsOneWave() {
        let now: Int64 = 1_000_000_000
        // 100 deadlines within 900 ms across a clock-second boundary.
        let entries = (0..<100).map { ("s:\($0)", RedisKeyType.string, KeyTTL.expires(atMilliseconds: now + 600_500 + Int64($0) * 9), UInt64(10)) }
        let analysis = DoctorAnalysis(view: Self.view(entries), now: now)
        #expect(analysis.profiles[0].peakPerSecond == 100)
        #expect(ExpiryWaveDetector.findings(analysis).first?.keyCount == 100)
    }

    @Test func lockNames() {
        func lock(_ s: String) -> Bool { Array(s.utf8).withUnsafeBytes { DoctorAnalysis.isLockName($0, delimiter: UInt8(ascii: ":")) } }
        #expect(lock("job:42:lock") && lock("lock:job:1") && lock("cache:rebuild:mutex") && lock("x:LOCK"))
        #expect(!lock("block:1") && !lock("job:locker") && !lock("lock") && !lock("clock"))
    }

    @Test func secretNamesAndJSONFields() {
        for name in ["password", "password_hash", "PASSWD", "api_key", "apiKey", "github_token", "card_number", "cvv", "ssn", "client-secret"] {
            #expect(SecretNames.matches(Array(name.utf8)), "\(name)")
        }
        for name in ["name", "email", "tokens_used", "plan", "passage", "cardinality"] {
            #expect(!SecretNames.matches(Array(name.utf8)), "\(name)")
        }
        let json = Array("{\"name\":\"a\\\"b\",\"nested\":{\"api_key\":\"x\"},\"list\":[\"password\"],\"cut".utf8)
        #expect(JSONFieldNames.extract(json).map { String(decoding: $0, as: UTF8.self) } == ["name", "nested", "api_key", "list"])
        #expect(JSONFieldNames.extract(Array("plain text \"a\":1".utf8)).isEmpty)
    }

    @Test func reportSortsBySeverity() {
        let a = DoctorFinding(
            .hotKeys(FindingFacts.HotKeys(measure: .lfuCounter(median: 5), keys: [], sampledKeys: 0, policy: nil)),
            severity: .info)
        let b = DoctorFinding(.secrets(FindingFacts.Secrets(sampledKeys: 1, sources: [.keyName])), severity: .warning)
        let c = DoctorFinding(
            .evictionPressure(
                FindingFacts.EvictionPressure(
                    problem: .noEvictionNearLimit, context: EvictionContext(policy: "noeviction", maxMemory: 100, usedMemory: 99))),
            severity: .critical)
        let report = DoctorReport(node: "n", findings: [a, b, c], indexedKeys: 10, expectedKeys: 20, complete: false)
        #expect(report.findings.map(\.kind) == [.evictionPressure, .secrets, .hotKeys])
        #expect(!report.complete && report.indexedKeys == 10 && report.expectedKeys == 20)
    }
}
