import Foundation
import RESP
import RedisClient

/// Diagnoses a node's cache usage from its keyspace index: the one-pass ``DoctorAnalysis`` (no
/// network), then a few bounded, paced samples over the connection — `CONFIG GET` and `INFO
/// memory` once, field names of at most `secretKeysTotal` keys, `OBJECT IDLETIME` of at most
/// `lockIdleSample` locks, `OBJECT FREQ` of at most `hotKeySample` keys under an LFU policy —
/// and turns both into a ``DoctorReport``.
///
/// Never reads a value into the report: hashes give field NAMES (`HRANDFIELD key n`, without
/// values; `HSCAN` first page on servers without it), strings give JSON field names from their
/// first 4 KiB, which is dropped at once.
public struct CacheDoctor: Sendable {
    let connection: any RedisPipelining
    /// The node as shown, e.g. `127.0.0.1:6379`.
    public let node: String
    public var thresholds: DoctorThresholds
    /// Without an LFU policy, look for hot keys with the recent-use probe (`OBJECT IDLETIME`
    /// rounds, see ``DoctorThresholds``): asked for explicitly, as it takes a few seconds.
    public var probeRecentUse: Bool

    public init(connection: any RedisPipelining, node: String, thresholds: DoctorThresholds = .default, probeRecentUse: Bool = false) {
        self.connection = connection
        self.node = node
        self.thresholds = thresholds
        self.probeRecentUse = probeRecentUse
    }

    /// Runs the analysis and the samples over `view`.
    /// - Parameters:
    ///   - view: the node's keyspace view (unfiltered).
    ///   - complete: whether the index is complete (else the report says it is partial).
    ///   - expectedKeys: the node's key count (`DBSIZE`), for the partial note.
    ///   - sampleShare: the chance each key had of being in `view` (the walked share × the index's
    ///     sample rate); below 1 the figures are weighed up to the whole keyspace and marked estimated.
    ///   - now: wall-clock milliseconds.
    /// - Returns: the report; sampling failures become notes, never a thrown error.
    public func diagnose(
        _ view: KeyspaceView, complete: Bool = true, expectedKeys: Int = 0, sampleShare: Double = 1,
        now: Int64 = wallClockMilliseconds()
    ) async -> DoctorReport {
        let analysisStart = MonotonicClock.now()
        var analysis = DoctorAnalysis(view: view, now: now, thresholds: thresholds)
        let share = Swift.min(1, Swift.max(1e-9, sampleShare))
        let lookupShare = analysis.lookupShare
        analysis.weigh(by: 1 / share)
        if complete { analysis.takeExactCounts(from: view) }
        var findings =
            MissingTTLDetector.findings(analysis, thresholds: thresholds)
            + ExpiryWaveDetector.findings(analysis, thresholds: thresholds)
            + OversizedDetector.findings(analysis, thresholds: thresholds)
        let analysisSeconds = MonotonicClock.now() - analysisStart

        let samplingStart = MonotonicClock.now()
        var pacer = DoctorPacer(connection: connection, rate: thresholds.commandsPerSecond, batchSize: thresholds.batchSize)
        var notes: [DoctorNote] = []

        let context = await evictionContext(&pacer, notes: &notes)
        findings += EvictionPressureDetector.findings(analysis, context, thresholds: thresholds)

        do {
            findings += SecretDetector.findings(try await sampleSecrets(analysis, &pacer))
        } catch {
            notes.append(.sampleStopped(.secretFields, error: "\(error)"))
        }

        var idle: [[UInt8]: Int64] = [:]
        do {
            idle = try await lockIdleTimes(analysis, &pacer)
        } catch {
            notes.append(.sampleStopped(.lockIdleTimes, error: "\(error)"))
        }
        findings += StaleLockDetector.findings(analysis, idle: idle, thresholds: thresholds)

        var hot = HotKeySample(policy: context.policy)
        if hot.isLFU {
            do {
                hot = try await hotKeys(analysis, policy: context.policy, &pacer)
            } catch {
                notes.append(.sampleStopped(.lfuCounters, error: "\(error)"))
            }
        } else if probeRecentUse {
            do {
                hot = try await recentUse(analysis, policy: context.policy, &pacer)
            } catch {
                notes.append(.sampleStopped(.recentUseProbe, error: "\(error)"))
            }
        }
        findings += HotKeyDetector.findings(hot, thresholds: thresholds)
        if let note = HotKeyDetector.unavailableNote(hot, thresholds: thresholds) { notes.append(note) }

        do {
            findings += try await surveyFieldTTLs(view, &pacer)?.findings(now: now, thresholds: thresholds) ?? []
        } catch {
            notes.append(.sampleStopped(.fieldTTLs, error: "\(error)"))
        }

        var report = DoctorReport(
            node: node, findings: findings, notes: notes, indexedKeys: analysis.keyCount,
            expectedKeys: expectedKeys, complete: complete, keysWithoutTTL: analysis.persistentCount,
            memory: analysis.memory, largestAverages: OversizedDetector.largestAverages(analysis),
            largestByType: analysis.largestByType, analysisSeconds: analysisSeconds,
            samplingSeconds: MonotonicClock.now() - samplingStart, commandsSent: pacer.commandsSent)
        report.prefixes = Array(analysis.profiles.sorted { $0.keyCount > $1.keyCount }.prefix(DoctorReport.prefixesListed))
        report.sampleShare = share
        report.lookupShare = lookupShare
        if report.isEstimated {
            // The findings counted over the index speak of the whole keyspace; the others name keys or their own samples.
            let weighed: Set<FindingKind> = [.missingTTL, .expiryWave, .oversized, .evictionPressure]
            for i in report.findings.indices where weighed.contains(report.findings[i].kind) { report.findings[i].estimated = true }
        }
        return report
    }

    // MARK: samples

    /// `CONFIG GET maxmemory-policy`, `CONFIG GET maxmemory`, `INFO memory`: three commands.
    func evictionContext(_ pacer: inout DoctorPacer, notes: inout [DoctorNote]) async -> EvictionContext {
        var context = EvictionContext(policy: nil, maxMemory: nil, usedMemory: nil)
        do {
            let replies = try await pacer.send([
                RedisCommand("CONFIG", "GET", "maxmemory-policy"),
                RedisCommand("CONFIG", "GET", "maxmemory"),
                RedisCommand("INFO", "memory"),
            ])
            context.policy = Self.configValue(replies[0])
            context.maxMemory = Self.configValue(replies[1]).flatMap { UInt64($0) }
            if let text = replies[2].string { context.usedMemory = InfoSnapshot(parsing: text).int("used_memory").map { UInt64(max(0, $0)) } }
            if context.policy == nil {
                notes.append(.configRefused(reply: replies[0].errorMessage))
            }
        } catch {
            notes.append(.sampleStopped(.evictionSettings, error: "\(error)"))
        }
        return context
    }

    /// The value of a `CONFIG GET name` reply (RESP2 flat array or RESP3 map).
    static func configValue(_ reply: RESPValue) -> String? {
        if let pairs = reply.pairs, let first = pairs.first { return first.value.string }
        return nil
    }

    /// Field names of the sampled hashes and JSON strings; names only.
    func sampleSecrets(_ analysis: DoctorAnalysis, _ pacer: inout DoctorPacer) async throws -> [SecretSample] {
        var samples: [SecretSample] = []
        var useHRandField = true
        for (profile, candidates) in zip(analysis.profiles, analysis.secretCandidates) {
            var sample = SecretSample(prefix: profile.prefix)
            guard !candidates.isEmpty else { continue }
            func commands(_ hrand: Bool) -> [RedisCommand] {
                candidates.map { entry in
                    entry.type == .hash
                        ? (hrand
                            ? RedisCommand("HRANDFIELD", entry.key, thresholds.secretFieldsPerHash)
                            : RedisCommand("HSCAN", entry.key, 0, "COUNT", thresholds.secretFieldsPerHash))
                        : RedisCommand("GETRANGE", entry.key, 0, thresholds.secretStringBytes - 1)
                }
            }
            var replies = try await pacer.send(commands(useHRandField))
            // Servers before 6.2 have no HRANDFIELD: the first page of HSCAN instead (values dropped).
            if useHRandField, zip(candidates, replies).contains(where: { $0.type == .hash && ($1.errorMessage?.contains("unknown command") ?? false) }) {
                useHRandField = false
                replies = try await pacer.send(commands(false))
            }
            for (entry, reply) in zip(candidates, replies) {
                guard reply.errorMessage == nil else { continue }  // gone, or type changed since indexed
                sample.sampled += 1
                var fields: [[UInt8]] = []
                var source: SecretSample.Source = entry.type == .hash ? .hashFields : .jsonFields
                if entry.type == .hash {
                    var names = reply.array ?? []
                    if !useHRandField, names.count == 2, let page = names[1].array {
                        names = stride(from: 0, to: page.count, by: 2).map { page[$0] }  // field names only
                    }
                    fields = names.compactMap(\.bytes).filter { SecretNames.matches($0) }
                } else if let text = reply.bytes {
                    fields = JSONFieldNames.extract(text).filter { SecretNames.matches($0) }
                }
                if fields.isEmpty {
                    // The key's own name segments (`user:42:api_key`).
                    fields = entry.key.split(separator: analysis.delimiter).map { Array($0) }.filter { SecretNames.matches($0) }
                    source = .keyName
                }
                if !fields.isEmpty {
                    sample.hits.append(SecretSample.Hit(key: entry.key, source: source, fields: Array(Set(fields)).sorted { $0.lexicographicallyPrecedes($1) }))
                }
            }
            samples.append(sample)
        }
        return samples
    }

    /// `OBJECT IDLETIME` of up to `lockIdleSample` lock-like keys (errors, e.g. under LFU, skipped).
    func lockIdleTimes(_ analysis: DoctorAnalysis, _ pacer: inout DoctorPacer) async throws -> [[UInt8]: Int64] {
        let locks = analysis.locks.prefix(thresholds.lockIdleSample)
        guard !locks.isEmpty else { return [:] }
        let replies = try await pacer.send(locks.map { RedisCommand("OBJECT", "IDLETIME", $0.key) })
        var idle: [[UInt8]: Int64] = [:]
        for (lock, reply) in zip(locks, replies) { if let seconds = reply.int { idle[lock.key] = seconds } }
        return idle
    }

    /// Rounds of `OBJECT IDLETIME` over the hot-key sample, a second apart: per key, in how many
    /// rounds it had been used within the last second; most used first.
    func recentUse(_ analysis: DoctorAnalysis, policy: String?, _ pacer: inout DoctorPacer) async throws -> HotKeySample {
        var sample = HotKeySample(policy: policy)
        let keys = analysis.hotKeyCandidates
        var used = [Int](repeating: 0, count: keys.count)
        let rounds = max(1, thresholds.recentUseRounds)
        for round in 0..<rounds {
            if round > 0 { try await Task.sleep(for: .milliseconds(Int(thresholds.recentUseInterval * 1000))) }
            let replies = try await pacer.send(keys.map { RedisCommand("OBJECT", "IDLETIME", $0) })
            for (index, reply) in replies.enumerated() where index < used.count {
                if let idle = reply.int, idle <= 1 { used[index] += 1 }
            }
        }
        sample.sampled = keys.count
        sample.recentUseRounds = rounds
        sample.frequencies = zip(keys, used).filter { $0.1 > 0 }.map { (key: $0.0, frequency: $0.1) }.sorted { $0.frequency > $1.frequency }
        return sample
    }

    /// `OBJECT FREQ` of the analysis' hot-key sample, hottest first.
    func hotKeys(_ analysis: DoctorAnalysis, policy: String?, _ pacer: inout DoctorPacer) async throws -> HotKeySample {
        var sample = HotKeySample(policy: policy)
        let keys = analysis.hotKeyCandidates
        let replies = try await pacer.send(keys.map { RedisCommand("OBJECT", "FREQ", $0) })
        var frequencies: [(key: [UInt8], frequency: Int)] = []
        for (key, reply) in zip(keys, replies) {
            guard let value = reply.int else { continue }
            frequencies.append((key, Int(value)))
        }
        sample.sampled = frequencies.count
        sample.frequencies = frequencies.sorted { $0.frequency > $1.frequency }
        return sample
    }
}
