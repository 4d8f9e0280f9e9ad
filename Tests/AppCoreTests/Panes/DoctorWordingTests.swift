import Foundation
import Inspector
import Testing

@testable import AppCore

/// The doctor's findings and notes in words: each kind of facts gives the sentences the Doctor
/// view, the text report and the JSON show, key names escaped and values never present.
@Suite struct DoctorWordingTests {
    static let user = Array("user:".utf8)

    static func finding(
        _ facts: FindingFacts, severity: FindingSeverity = .warning, prefix: [UInt8]? = nil, keyCount: Int = 0,
        memory: UInt64 = 0, exampleKeys: [[UInt8]] = [], fieldNames: [String] = [], fix: DoctorFix? = nil
    ) -> DoctorFinding {
        DoctorFinding(
            facts, severity: severity, prefix: prefix, keyCount: keyCount, memory: memory, exampleKeys: exampleKeys,
            fieldNames: fieldNames, fix: fix)
    }

    @Test func missingTTLWithItsFix() {
        let facts = FindingFacts.MissingTTL(
            prefixKeys: 240, expiringKeys: 200, prefixMemory: 17203, medianRemaining: 3660,
            p90Remaining: 4259, suggestedTTL: 4259, suggestedJitter: 0.1)
        let fix = DoctorFix.addTTL(pattern: GlobPattern("user:*"), seconds: 4259, jitter: 0.1)
        let text = DoctorWording.text(Self.finding(.missingTTL(facts), prefix: Self.user, keyCount: 40, memory: 2880, fix: fix))
        #expect(text.title == "40 keys without TTL in user:* (83% of its keys expire)")
        #expect(
            text.details == [
                "keys in prefix: 240, with TTL: 200, without: 40", "memory without TTL: 2.81K of 16.8K",
                "TTL left on the others: median 1h1m, 90th percentile 1h10m",
            ])
        #expect(text.suggestion == "Set a TTL wherever user:* keys are written; meanwhile give the existing ones a TTL of about 1h10m with ±10% jitter.")
        #expect(DoctorWording.fix(fix) == "add a TTL of 4259 s ±10% to the keys without TTL matching user:*")
        #expect(DoctorWording.fix(.deleteKey(Array("job:\u{1b}:lock".utf8))) == "delete job:\\x1b:lock")
    }

    @Test func expiryWaveSaysWhenTheBusiestSecondComes() {
        var facts = FindingFacts.ExpiryWave(
            window: .second, share: 1, expiringKeys: 300, peakPerSecond: 300, peakPerMinute: 300,
            secondsUntilPeak: 599, medianRemaining: 599)
        var text = DoctorWording.text(Self.finding(.expiryWave(facts), prefix: Array("session:".utf8), keyCount: 300))
        #expect(text.title == "300 keys of session:* expire within the same second (100% of its expiring keys)")
        #expect(
            text.details == [
                "expiring keys in prefix: 300", "busiest second: 300 keys, in 9m59s", "busiest minute: 300 keys",
                "TTL left: median 9m59s",
            ])
        #expect(text.suggestion.hasPrefix("TTL set without jitter: add ±10–20% random jitter to the TTL where session:* keys are written"))
        facts.window = .minute
        facts.secondsUntilPeak = nil
        text = DoctorWording.text(Self.finding(.expiryWave(facts), prefix: [], keyCount: 300))
        #expect(text.title == "300 keys of (keys without a delimiter) expire within the same minute (100% of its expiring keys)")
        #expect(text.details[1] == "busiest second: 300 keys")
    }

    @Test func oversizedKeysOneOrMany() {
        let big = FindingFacts.SizedKey(key: Array("report:big".utf8), type: .string, memory: 2_621_440)
        let blob = FindingFacts.SizedKey(key: Array("blob:x".utf8), type: .string, memory: 1_572_864)
        let byType = [big, FindingFacts.SizedKey(key: Array("account:0".utf8), type: .hash, memory: 120)]
        let two = FindingFacts.OversizedKeys(largest: [big, blob], threshold: 1 << 20, largestByType: byType)
        var text = DoctorWording.text(Self.finding(.oversizedKeys(two), keyCount: 2))
        #expect(text.title == "2 keys of 1.00M or more, the largest 2.50M")
        #expect(text.details == ["string 2.50M  report:big", "string 1.50M  blob:x", "largest by type: string 2.50M, hash 120B"])
        let one = FindingFacts.OversizedKeys(largest: [big], threshold: 1 << 20, largestByType: byType)
        text = DoctorWording.text(Self.finding(.oversizedKeys(one), keyCount: 1))
        #expect(text.title == "a string of 2.50M: report:big")
        let prefix = FindingFacts.OversizedPrefix(averageMemory: 327_680, largestKey: Array("doc:0".utf8), largestMemory: 327_680)
        text = DoctorWording.text(Self.finding(.oversizedPrefix(prefix), prefix: Array("doc:".utf8), keyCount: 12, memory: 3_932_160))
        #expect(text.title == "doc:* entries average 320.0K (12 keys, 3.75M)")
        #expect(text.details == ["largest: doc:0 320.0K"])
        #expect(text.suggestion == "Whole rows cached where a summary would do: cache only the fields the readers use.")
    }

    @Test func secretsNameFieldsAndSourcesNeverValues() {
        let facts = FindingFacts.Secrets(sampledKeys: 10, sources: [.hashFields, .jsonFields, .keyName])
        let fields = ["api_token", "password_hash", "pin", "ssn", "cvv"]
        let text = DoctorWording.text(Self.finding(.secrets(facts), prefix: Array("account:".utf8), keyCount: 10, fieldNames: fields))
        #expect(text.title == "account:*: 10 of 10 sampled keys hold api_token, password_hash, pin, ssn, …")
        #expect(
            text.details == [
                "found in: JSON fields, hash fields, key name", "fields: api_token, password_hash, pin, ssn, cvv",
                "sampled 10 keys of the prefix; values were not read into the report",
            ])
    }

    @Test func staleLockReasonsAndTheLocksNotListed() {
        let facts = FindingFacts.StaleLock(
            key: Array("job:42:lock".utf8), type: .string, ttl: .none, idleSeconds: 600,
            reasons: [.noTTL, .idle(seconds: 600)], notListed: 7)
        let text = DoctorWording.text(Self.finding(.staleLock(facts), keyCount: 1))
        #expect(text.title == "lock job:42:lock: no TTL, idle 10m")
        #expect(text.details == ["type: string", "TTL: none", "idle: 10m", "7 more suspicious locks not listed"])
        let long = FindingFacts.StaleLock(
            key: Array("lock:long".utf8), type: .string, ttl: .left(seconds: 9999), idleSeconds: nil,
            reasons: [.longTTL(secondsLeft: 9999)])
        let longText = DoctorWording.text(Self.finding(.staleLock(long), keyCount: 1))
        #expect(longText.title == "lock lock:long: TTL 2h46m left")
        #expect(longText.details == ["type: string", "TTL: 2h46m", "idle: not sampled"])
    }

    @Test func hotKeysByCounterOrByProbe() {
        let lfu = FindingFacts.HotKeys(
            measure: .lfuCounter(median: 5), keys: [.init(key: Array("item:7".utf8), count: 19)],
            sampledKeys: 1601, policy: "allkeys-lfu")
        var text = DoctorWording.text(Self.finding(.hotKeys(lfu), severity: .info, keyCount: 1))
        #expect(text.title == "hottest key item:7 (LFU counter 19, median 5)")
        #expect(text.details == ["19  item:7", "OBJECT FREQ over 1601 sampled keys under allkeys-lfu"])
        let probe = FindingFacts.HotKeys(
            measure: .recentUse(rounds: 3),
            keys: [.init(key: Array("hot:1".utf8), count: 3), .init(key: Array("hot:2".utf8), count: 3)],
            sampledKeys: 101, policy: "allkeys-lru")
        text = DoctorWording.text(Self.finding(.hotKeys(probe), severity: .info, keyCount: 2))
        #expect(text.title == "hot key hot:1: used within the second in each of 3 probes (and 1 more)")
        #expect(
            text.details == [
                "3/3  hot:1", "3/3  hot:2",
                "OBJECT IDLETIME over 101 sampled keys, 3 rounds one second apart (303 read commands); the policy allkeys-lru keeps no use counters",
            ])
    }

    @Test func evictionPressureByPolicy() {
        let unlimited = EvictionContext(policy: "volatile-lru", maxMemory: 0, usedMemory: 9_520_000)
        var text = DoctorWording.text(
            Self.finding(
                .evictionPressure(.init(problem: .volatileWithoutTTL(share: 0.9, keys: 100), context: unlimited)), keyCount: 90, memory: 4_278_190))
        #expect(text.title == "volatile-lru but 90% of keys have no TTL: little can be evicted")
        #expect(text.details == ["keys without TTL: 90 of 100, 4.08M", "used memory: 9.08M, maxmemory: no limit"])
        #expect(text.suggestion.hasPrefix("Under volatile-lru only keys with a TTL are evicted"))
        let near = EvictionContext(policy: "noeviction", maxMemory: 9_070_000, usedMemory: 7_970_000)
        text = DoctorWording.text(Self.finding(.evictionPressure(.init(problem: .noEvictionNearLimit, context: near))))
        #expect(text.title == "noeviction at 88% of maxmemory: writes will fail with OOM")
        #expect(text.details == ["used memory: 7.60M of maxmemory 8.65M (88%)"])
        let full = EvictionContext(policy: "allkeys-lru", maxMemory: 100, usedMemory: 97)
        text = DoctorWording.text(Self.finding(.evictionPressure(.init(problem: .allKeysEvicting, context: full)), severity: .info))
        #expect(text.title == "allkeys-lru at 97% of maxmemory: the cache is evicting")
        #expect(text.suggestion == "Evictions are expected at the limit; watch the hit rate, and the evicted_keys rate on the Overview.")
    }

    @Test func notesNameTheKeyAndTheFlagThatAskForTheProbe() {
        let probe = DoctorThresholds.default.recentUse
        #expect(DoctorWording.probe(probe) == "OBJECT IDLETIME, 3 rounds a second apart over at most 2000 sampled keys")
        #expect(
            DoctorWording.note(.hotKeysNeedProbe(policy: nil, probe: probe)) == "hot keys: an LFU maxmemory-policy (allkeys-lfu, volatile-lfu) "
                + "gives OBJECT FREQ; the policy is unknown (CONFIG GET refused). Ask for the recent-use probe instead (h in the Doctor view, "
                + "snapshot --doctor --hot-keys): OBJECT IDLETIME, 3 rounds a second apart over at most 2000 sampled keys, about 6000 read "
                + "commands in 3 s. MONITOR is not used: it costs the server about half its throughput while it runs.")
        #expect(DoctorWording.note(.configRefused(reply: "NOPERM no")) == "eviction: CONFIG GET refused (NOPERM no): policy checks skipped")
        #expect(DoctorWording.note(.configRefused(reply: nil)) == "eviction: CONFIG GET refused (no reply): policy checks skipped")
        #expect(DoctorWording.note(.sampleStopped(.evictionSettings, error: "reset")) == "eviction: reset")
        #expect(DoctorWording.note(.sampleStopped(.secretFields, error: "reset")) == "secrets: sampling stopped: reset")
        #expect(DoctorWording.note(.sampleStopped(.fieldTTLs, error: "reset")) == "hash field TTLs: HPEXPIRETIME survey stopped: reset")
        #expect(DoctorWording.note(.sampleStopped(.lockIdleTimes, error: "reset")) == "locks: OBJECT IDLETIME stopped: reset")
        #expect(DoctorWording.note(.sampleStopped(.lfuCounters, error: "reset")) == "hot keys: OBJECT FREQ stopped: reset")
        #expect(DoctorWording.note(.sampleStopped(.recentUseProbe, error: "reset")) == "hot keys: OBJECT IDLETIME probe stopped: reset")
    }

    @Test func reportTextAndJSONNameTheFieldsNotTheValues() throws {
        let secrets = Self.finding(
            .secrets(FindingFacts.Secrets(sampledKeys: 20, sources: [.hashFields])), prefix: Array("account:".utf8),
            keyCount: 20, exampleKeys: [Array("account:0".utf8)], fieldNames: ["password_hash"])
        let report = DoctorReport(
            node: "127.0.0.1:6379", findings: [secrets], notes: [.configRefused(reply: nil)], indexedKeys: 10,
            expectedKeys: 20, complete: false)
        #expect(DoctorWording.coverage(report) == "partial: 10 of 20 keys indexed")
        let text = DoctorReportText.text(report)
        let json = DoctorReportText.json(report)
        #expect(text.contains("password_hash") && json.contains("password_hash"))
        #expect(text.contains("10 keys analysed (partial: 10 of 20 keys indexed)"))
        #expect(text.contains("[warning] secrets: account:*: 20 of 20 sampled keys hold password_hash"))
        #expect(text.contains("note: eviction: CONFIG GET refused (no reply): policy checks skipped"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["notes"] as? [String] == ["eviction: CONFIG GET refused (no reply): policy checks skipped"])
        let finding = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect(finding["title"] as? String == "account:*: 20 of 20 sampled keys hold password_hash")
        #expect(finding["kind"] as? String == "secrets")
    }
}
