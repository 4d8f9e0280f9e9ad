import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

/// Each caching anti-pattern built in a real redis-server, indexed by the scanner, and found by
/// the doctor with the right counts; a clean keyspace gives no finding at all.
@Suite("Cache doctor", .timeLimit(.minutes(2)))
struct CacheDoctorTests {
    /// Indexes the fixture's keyspace to the end and runs the doctor over it.
    static func diagnose(_ redis: RedisFixture, thresholds: DoctorThresholds = .default) async throws -> (DoctorReport, KeyspaceView) {
        let scanner = KeyspaceScanner(scanConnection: redis.connection, policy: ScanLoadPolicy(maxCommandsPerSecond: nil))
        await scanner.start()
        await scanner.waitUntilDone()
        let view = await scanner.view
        let doctor = CacheDoctor(connection: redis.connection, node: redis.server.endpointDescription, thresholds: thresholds)
        return (await doctor.diagnose(view), view)
    }

    /// `MEMORY USAGE` of `keys` summed, as the server says it.
    static func memory(_ redis: RedisFixture, _ keys: [String]) async throws -> UInt64 {
        let replies = try await redis.connection.pipeline(keys.map { RedisCommand("MEMORY", "USAGE", $0) })
        return replies.reduce(0) { $0 + UInt64($1.int ?? 0) }
    }

    @Test("200 user:{id} with TTL and 40 without: one missing-TTL finding with 40 keys and their memory")
    func missingTTL() async throws {
        try await RedisFixture.with { redis in
            var commands = (0..<200).map { RedisCommand("SET", "user:\($0)", "row-\($0)", "EX", 3000 + $0 * 7) }
            commands += (200..<240).map { RedisCommand("SET", "user:\($0)", "row-\($0)") }
            try await redis.run(commands)
            let (report, _) = try await Self.diagnose(redis)
            let findings = report.findings.filter { $0.kind == .missingTTL }
            #expect(findings.count == 1)
            let finding = try #require(findings.first)
            #expect(finding.prefix == Array("user:".utf8))
            #expect(finding.keyCount == 40)
            #expect(finding.memory == (try await Self.memory(redis, (200..<240).map { "user:\($0)" })))
            #expect(finding.exampleKeys.allSatisfy { Int(String(decoding: $0.dropFirst(5), as: UTF8.self))! >= 200 })
            guard case .addTTL(let pattern, let seconds, let jitter)? = finding.fix else {
                Issue.record("no add-TTL fix: \(String(describing: finding.fix))")
                return
            }
            #expect(pattern.description == "user:*")
            #expect(seconds > 3000 && seconds <= 4400)
            #expect(jitter == 0.1)
            #expect(!report.findings.contains { $0.kind == .expiryWave })
        }
    }

    @Test("300 session:* set with EX 600 in the same second: an expiry wave with all 300 and a histogram")
    func expiryWave() async throws {
        try await RedisFixture.with { redis in
            try await redis.run((0..<300).map { RedisCommand("SET", "session:\($0)", "{\"user\":\($0)}", "EX", 600) })
            let (report, _) = try await Self.diagnose(redis)
            let wave = try #require(report.findings.first { $0.kind == .expiryWave })
            #expect(wave.prefix == Array("session:".utf8))
            #expect(wave.keyCount == 300)
            let histogram = try #require(wave.histogram)
            #expect(histogram.total == 300)
            #expect(histogram.counts.filter { $0 > 0 }.count == 1)
            #expect(!wave.exampleKeys.isEmpty)
        }
    }

    @Test("a 2 MB string among small keys is oversized; the others are not")
    func oversized() async throws {
        try await RedisFixture.with { redis in
            var commands = (0..<100).map { RedisCommand("SET", "page:\($0)", "small", "EX", 1000 + $0 * 13) }
            commands.append(RedisCommand("SET", "report:big", String(repeating: "x", count: 2 << 20)))
            try await redis.run(commands)
            let (report, _) = try await Self.diagnose(redis)
            let findings = report.findings.filter { $0.kind == .oversized }
            #expect(findings.count == 1)
            let finding = try #require(findings.first)
            #expect(finding.keyCount == 1)
            #expect(finding.exampleKeys == [Array("report:big".utf8)])
            #expect(finding.memory >= 2 << 20)
            #expect(report.largestByType.first { $0.type == .string }?.key == Array("report:big".utf8))
        }
    }

    @Test("a few hashes caching whole rows among many JSON strings of the same prefix are still sampled")
    func secretsHiddenAmongStrings() async throws {
        try await RedisFixture.with { redis in
            var commands = (0..<400).map { RedisCommand("SET", "user:\($0)", "{\"id\":\($0),\"name\":\"U\($0)\"}", "EX", 3600) }
            commands += (0..<10).map { RedisCommand("HSET", "user:row:\($0)", "name", "U", "password_hash", "x") }
            try await redis.run(commands)
            let (report, _) = try await Self.diagnose(redis)
            let finding = try #require(report.findings.first { $0.kind == .secrets && $0.prefix == Array("user:".utf8) })
            #expect(finding.fieldNames == ["password_hash"])
        }
    }

    @Test("hashes with password_hash and JSON with api_key: the field names are reported, the values never")
    func secrets() async throws {
        try await RedisFixture.with { redis in
            let secret = "s3cr3t-VALUE-do-not-show"
            var commands = (0..<30).map {
                RedisCommand("HSET", "account:\($0)", "name", "User \($0)", "email", "u\($0)@example.com", "password_hash", "\(secret)-\($0)")
            }
            commands += (0..<30).map {
                RedisCommand("SET", "profile:\($0)", "{\"name\":\"P\($0)\",\"api_key\":\"\(secret)\",\"plan\":\"pro\"}")
            }
            commands += (0..<30).map { RedisCommand("HSET", "cart:\($0)", "sku", "1", "qty", "2") }
            try await redis.run(commands)
            let (report, _) = try await Self.diagnose(redis)
            let findings = report.findings.filter { $0.kind == .secrets }
            #expect(findings.count == 2)
            let account = try #require(findings.first { $0.prefix == Array("account:".utf8) })
            #expect(account.fieldNames == ["password_hash"])
            #expect(account.keyCount == 20)  // the per-prefix sample
            let profile = try #require(findings.first { $0.prefix == Array("profile:".utf8) })
            #expect(profile.fieldNames == ["api_key"])
            #expect(!"\(report)".contains("s3cr3t"))
        }
    }

    @Test("job:42:lock without TTL is a stale lock with a delete fix; a short-lived lock is not")
    func staleLock() async throws {
        try await RedisFixture.with { redis in
            try await redis.run([
                RedisCommand("SET", "job:42:lock", "worker-7"),
                RedisCommand("SET", "lock:job:43", "worker-8", "PX", 5000),
                RedisCommand("SET", "job:42", "payload", "EX", 100),
            ])
            let (report, _) = try await Self.diagnose(redis)
            let locks = report.findings.filter { $0.kind == .staleLock }
            #expect(locks.count == 1)
            let lock = try #require(locks.first)
            #expect(lock.exampleKeys == [Array("job:42:lock".utf8)])
            #expect(lock.fix == .deleteKey(Array("job:42:lock".utf8)))
            guard case .staleLock(let facts) = lock.facts else {
                Issue.record("not lock facts: \(lock.facts)")
                return
            }
            #expect(facts.reasons == [.noTTL])
        }
    }

    @Test("volatile-lru with 90% of keys lacking a TTL: nothing much can be evicted")
    func evictionPressure() async throws {
        try await RedisFixture.with(["--maxmemory-policy", "volatile-lru"]) { redis in
            var commands = (0..<90).map { RedisCommand("SET", "item:\($0)", "v") }
            commands += (0..<10).map { RedisCommand("SET", "tmp:\($0)", "v", "EX", 500 + $0 * 11) }
            try await redis.run(commands)
            let (report, _) = try await Self.diagnose(redis)
            let finding = try #require(report.findings.first { $0.kind == .evictionPressure })
            #expect(finding.keyCount == 90)
            guard case .evictionPressure(let facts) = finding.facts,
                case .volatileWithoutTTL(let share, let keys) = facts.problem
            else {
                Issue.record("\(finding.facts)")
                return
            }
            #expect(facts.policy == "volatile-lru")
            #expect(share == 0.9 && keys == 100)
        }
    }

    @Test("allkeys-lfu and one key read 1000 times: it tops the hot keys")
    func hotKeys() async throws {
        try await RedisFixture.with(["--maxmemory-policy", "allkeys-lfu"]) { redis in
            try await redis.run((0..<100).map { RedisCommand("SET", "product:\($0)", "p", "EX", 500 + $0 * 11) })
            for _ in 0..<10 {
                _ = try await redis.connection.pipeline(Array(repeating: RedisCommand("GET", "product:7"), count: 100))
            }
            let (report, _) = try await Self.diagnose(redis)
            let hot = try #require(report.findings.first { $0.kind == .hotKeys })
            #expect(hot.exampleKeys.first == Array("product:7".utf8))
            #expect(!report.notes.contains { $0.isAboutHotKeys })
        }
    }

    @Test("without LFU, the asked-for recent-use probe finds the key read all the time, and only it")
    func recentUseProbe() async throws {
        try await RedisFixture.with(["--maxmemory-policy", "allkeys-lru"]) { redis in
            try await redis.run((0..<100).map { RedisCommand("SET", "product:\($0)", "p", "EX", 500 + $0 * 11) })
            // Let the others go idle for more than the probe's one second.
            try await Task.sleep(for: .milliseconds(2500))
            let reader = try await redis.connect()
            let traffic = Task {
                while !Task.isCancelled {
                    _ = try? await reader.send(RedisCommand("GET", "product:7"))
                    try? await Task.sleep(for: .milliseconds(50))
                }
            }
            let scanner = KeyspaceScanner(scanConnection: redis.connection, policy: ScanLoadPolicy(maxCommandsPerSecond: nil))
            await scanner.start()
            await scanner.waitUntilDone()
            let doctor = CacheDoctor(connection: redis.connection, node: "n", probeRecentUse: true)
            let report = await doctor.diagnose(await scanner.view)
            traffic.cancel()
            await reader.close()
            let hot = try #require(report.findings.first { $0.kind == .hotKeys })
            #expect(hot.exampleKeys == [Array("product:7".utf8)])
            guard case .hotKeys(let facts) = hot.facts else {
                Issue.record("\(hot.facts)")
                return
            }
            #expect(facts.measure == .recentUse(rounds: 3))
            #expect(!report.notes.contains { $0.isAboutHotKeys })
        }
    }

    @Test("a clean keyspace (jittered TTLs, no secrets, no locks, small values) gives no finding")
    func cleanKeyspace() async throws {
        try await RedisFixture.with { redis in
            var commands = (0..<300).map { RedisCommand("SET", "session:\($0)", "{\"user\":\($0)}", "EX", 600 + ($0 * 37) % 300) }
            commands += (0..<200).map { RedisCommand("HSET", "user:\($0)", "name", "U\($0)", "plan", "pro") }
            commands += (0..<200).map { RedisCommand("EXPIRE", "user:\($0)", 3600 + ($0 * 53) % 1800) }
            commands += (0..<50).map { RedisCommand("SET", "product:\($0)", "{\"sku\":\($0),\"price\":9}", "EX", 7200 + $0 * 61) }
            try await redis.run(commands)
            let (report, view) = try await Self.diagnose(redis)
            #expect(view.count == 550)
            #expect(report.findings.isEmpty, "\(report.findings)")
            #expect(report.indexedKeys == 550)
            #expect(report.notes.contains(.hotKeysNeedProbe(policy: "noeviction", probe: DoctorThresholds.default.recentUse)))
            // Where the server has hash field TTLs the survey adds its three commands a sampled hash.
            let fieldTTLs = try await ServerFeatures.detect(redis.connection).hashFieldTTLs
            let survey = 1 + (fieldTTLs ? 3 * DoctorThresholds.default.fieldTTLHashSample : 0)
            let binary = try ServerBinary.current()
            #expect(report.commandsSent <= 3 + 500 + survey, "\(binary)")
        }
    }
}
