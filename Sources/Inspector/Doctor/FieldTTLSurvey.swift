import RESP
import RedisClient

/// The doctor's look at hash field TTLs (Redis 7.4+, Valkey 9+; see ``ServerFeatures/hashFieldTTLs``):
/// a sample of hashes, each with its own TTL and the deadlines of a page of its fields (`PTTL` and
/// `HSCAN … COUNT n` in one pipeline, then one `HPEXPIRETIME` per hash in another), and the two
/// findings they support: expiry waves among fields, and hashes that hold expiring fields but
/// never expire themselves.
///
/// ```swift
/// let survey = try await FieldTTLSurvey.sample(connection, hashes: hashKeys.prefix(200).map { $0 })
/// let findings = survey.findings(now: wallClockMilliseconds())
/// ```
public struct FieldTTLSurvey: Sendable, Hashable {
    /// One sampled hash.
    public struct Hash: Sendable, Hashable {
        public var key: [UInt8]
        /// Whether the hash itself has no TTL.
        public var persistent: Bool
        /// Fields looked at (one `HSCAN` page).
        public var sampledFields: Int
        /// The deadlines (Unix ms) of the sampled fields that have one.
        public var fieldDeadlines: [Int64]

        public init(key: [UInt8], persistent: Bool, sampledFields: Int, fieldDeadlines: [Int64]) {
            self.key = key
            self.persistent = persistent
            self.sampledFields = sampledFields
            self.fieldDeadlines = fieldDeadlines
        }
    }

    public var hashes: [Hash]

    public init(hashes: [Hash]) {
        self.hashes = hashes
    }

    /// Samples `hashes` (keys of type hash), up to `fieldsPerHash` fields each. Keys gone meanwhile are left out.
    /// - Throws: `KeyspaceError` (e.g. an unknown command before field TTLs), `RedisError`.
    public static func sample(_ connection: any RedisPipelining, hashes keys: [[UInt8]], fieldsPerHash: Int = 100) async throws -> FieldTTLSurvey {
        guard !keys.isEmpty else { return FieldTTLSurvey(hashes: []) }
        let firstReplies = try await connection.pipeline(
            keys.flatMap { key in
                [
                    RedisCommand(arguments: [Array("PTTL".utf8), key]),
                    RedisCommand(arguments: [Array("HSCAN".utf8), key, Array("0".utf8), Array("COUNT".utf8), Array(String(fieldsPerHash).utf8)]),
                ]
            })
        var pages: [(key: [UInt8], persistent: Bool, fields: [[UInt8]])] = []
        for (index, key) in keys.enumerated() {
            let pttl = firstReplies[2 * index].int ?? -2
            guard pttl != -2, let items = firstReplies[2 * index + 1].array?.last?.array else { continue }
            let fields = HashField.pairs(items).map(\.field)
            if !fields.isEmpty { pages.append((key, pttl == -1, fields)) }
        }
        let ttlReplies = try await connection.pipeline(pages.map { HashFieldTTLs.command(key: $0.key, fields: $0.fields) })
        var hashes: [Hash] = []
        for (page, reply) in zip(pages, ttlReplies) {
            if let message = reply.errorMessage { throw KeyspaceError.server(command: "HPEXPIRETIME", message: message) }
            guard let ttls = HashFieldTTLs.parse(reply) else { throw KeyspaceError.unexpectedReply(command: "HPEXPIRETIME") }
            let deadlines = ttls.compactMap { ttl -> Int64? in if case .expires(let at)? = ttl { return at } else { return nil } }
            hashes.append(Hash(key: page.key, persistent: page.persistent, sampledFields: page.fields.count, fieldDeadlines: deadlines))
        }
        return FieldTTLSurvey(hashes: hashes)
    }

    /// The findings of the sample: at most one of each kind.
    public func findings(now: Int64, thresholds: DoctorThresholds = .default) -> [DoctorFinding] {
        [persistentHashes(), wave(now: now, thresholds: thresholds)].compactMap { $0 }
    }

    private func persistentHashes() -> DoctorFinding? {
        let found = hashes.filter { $0.persistent && !$0.fieldDeadlines.isEmpty }
        guard !found.isEmpty else { return nil }
        let fields = found.reduce(0) { $0 + $1.fieldDeadlines.count }
        let facts = FindingFacts.ExpiringFieldsInPersistentHash(
            sampledHashes: hashes.count, persistentHashes: found.count, expiringFields: fields,
            sampledFields: found.reduce(0) { $0 + $1.sampledFields })
        return DoctorFinding(
            .expiringFieldsInPersistentHash(facts), severity: .warning, keyCount: found.count,
            exampleKeys: Array(found.prefix(DoctorFinding.maximumExamples).map(\.key)))
    }

    private func wave(now: Int64, thresholds: DoctorThresholds) -> DoctorFinding? {
        let deadlines = hashes.flatMap(\.fieldDeadlines).sorted()
        guard deadlines.count >= thresholds.waveMinimumKeys else { return nil }
        // The busiest one-second window, sliding, so a wave across a clock second is still one wave.
        var peak = 0
        var peakStart: Int64 = 0
        var lower = 0
        for upper in deadlines.indices {
            while deadlines[upper] - deadlines[lower] >= 1000 { lower += 1 }
            if upper - lower + 1 > peak {
                peak = upper - lower + 1
                peakStart = deadlines[lower]
            }
        }
        let share = Double(peak) / Double(deadlines.count)
        guard peak >= thresholds.waveMinimumKeys, share >= thresholds.waveSecondShare else { return nil }
        let examples = hashes.filter { $0.fieldDeadlines.contains { $0 >= peakStart && $0 < peakStart + 1000 } }.map(\.key)
        let facts = FindingFacts.FieldExpiryWave(peakPerSecond: peak, share: share, expiringFields: deadlines.count, secondsUntilPeak: max(0, peakStart - now) / 1000)
        return DoctorFinding(
            .fieldExpiryWave(facts), severity: share >= 0.5 && peak >= 1000 ? .critical : .warning, keyCount: examples.count,
            exampleKeys: Array(examples.prefix(DoctorFinding.maximumExamples)))
    }
}
