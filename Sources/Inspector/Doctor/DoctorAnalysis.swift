#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The pure half of the cache doctor: ONE pass over a keyspace view (byte order, so a prefix is a
/// run of consecutive keys) gathers per-prefix counts, TTL-less keys and memory, expiry deadlines,
/// the largest keys, lock-like names, and the bounded samples the network half will look at.
/// No network, no clock: `now` is passed in, so it is tested on hand-made indexes.
public struct DoctorAnalysis: Sendable {
    /// One profile per top-level prefix, in byte order (keys without a delimiter under `[]`).
    public var profiles: [PrefixProfile] = []
    /// Live keys analysed, and how many of them have a TTL, none, or none known yet.
    public var keyCount = 0
    public var expiringCount = 0
    public var persistentCount = 0
    public var unknownCount = 0
    /// `MEMORY USAGE` sums over every key and over the keys without TTL.
    public var memory: UInt64 = 0
    public var persistentMemory: UInt64 = 0
    /// The largest keys, largest first.
    public var largestKeys: [KeyEntry] = []
    /// The largest key of each type present, in type order.
    public var largestByType: [KeyEntry] = []
    /// Keys named like locks (`*:lock`, `lock:*`, `*:mutex`), up to ``DoctorAnalysis/lockLimit``.
    public var locks: [KeyEntry] = []
    /// Every lock-like key, even beyond the list.
    public var lockCount = 0
    /// Per profile (same positions as `profiles`): hash and string keys sampled for secrets.
    public var secretCandidates: [[KeyEntry]] = []
    /// Keys sampled for `OBJECT FREQ` (a uniform sample of the whole index).
    public var hotKeyCandidates: [[UInt8]] = []
    /// The wall-clock milliseconds the analysis was made at.
    public var now: Int64 = 0
    /// The delimiter prefixes were cut at.
    public var delimiter: UInt8 = UInt8(ascii: ":")

    /// The most lock-like keys kept by name.
    public static let lockLimit = 1000

    public init() {}

    /// Analyses every key of `view` in one pass.
    /// - Parameters:
    ///   - view: the keyspace view (use the unfiltered one for a whole-node diagnosis).
    ///   - now: wall-clock milliseconds, the origin of remaining TTLs.
    ///   - thresholds: sample sizes and list lengths.
    public init(view: KeyspaceView, now: Int64, thresholds: DoctorThresholds = .default) {
        self.now = now
        self.delimiter = view.delimiter
        let index = view.index
        var accumulators: [Accumulator] = []
        var loose: Accumulator?
        var current = -1
        var random = SplitMix64(seed: 0x5EED_D0C7_0000_0001)
        var hotSeen = 0
        var hotIDs: [UInt32] = []
        var largest: [(memory: UInt64, id: UInt32)] = []
        var byType = [(memory: UInt64, id: UInt32)?](repeating: nil, count: 256)
        var lockIDs: [UInt32] = []
        let delimiter = view.delimiter
        let topN = max(1, thresholds.largestKeysListed)

        for position in 0..<view.count {
            let raw = view.order[position]
            let id = Int(raw)
            index.withKeyBytes(id) { key in
                let length = key.count
                var cut = 0
                if length > 0, let found = memchr(key.baseAddress!, Int32(delimiter), length) {
                    cut = key.baseAddress!.distance(to: UnsafeRawPointer(found)) + 1
                }

                // The group: the open one when the prefix repeats (byte order keeps a prefix together).
                let group: Int
                if cut == 0 {
                    group = -2
                    if loose == nil { loose = Accumulator(prefix: []) }
                } else if current >= 0, accumulators[current].prefix.count == cut,
                    accumulators[current].prefix.withUnsafeBytes({ memcmp($0.baseAddress!, key.baseAddress!, cut) == 0 })
                {
                    group = current
                } else {
                    accumulators.append(Accumulator(prefix: Array(key[0..<cut])))
                    current = accumulators.count - 1
                    group = current
                }

                let (type, deadline, stored) = index.rawAttributes(id)
                let bytes = UInt64(stored)
                keyCount += 1
                memory += bytes
                if deadline == -1 {
                    persistentCount += 1
                    persistentMemory += bytes
                } else if deadline == -2 {
                    unknownCount += 1
                } else {
                    expiringCount += 1
                }

                if group == -2 {
                    loose!.add(raw, type: type, deadline: deadline, memory: bytes, index: index, thresholds: thresholds, random: &random)
                } else {
                    accumulators[group].add(raw, type: type, deadline: deadline, memory: bytes, index: index, thresholds: thresholds, random: &random)
                }

                // Largest keys (a short sorted list) and the largest of each type.
                if largest.count < topN || bytes > largest[largest.count - 1].memory {
                    let at = largest.firstIndex { $0.memory < bytes } ?? largest.count
                    largest.insert((bytes, raw), at: at)
                    if largest.count > topN { largest.removeLast() }
                }
                if bytes > (byType[Int(type)]?.memory ?? 0) || byType[Int(type)] == nil { byType[Int(type)] = (bytes, raw) }

                // Lock-like names.
                if Self.isLockName(key, delimiter: delimiter) {
                    lockCount += 1
                    if lockIDs.count < Self.lockLimit { lockIDs.append(raw) }
                }

                // A uniform sample for OBJECT FREQ (reservoir).
                hotSeen += 1
                if hotIDs.count < thresholds.hotKeySample {
                    hotIDs.append(raw)
                } else if thresholds.hotKeySample > 0 {
                    let slot = Int(random.next() % UInt64(hotSeen))
                    if slot < thresholds.hotKeySample { hotIDs[slot] = raw }
                }
            }
        }
        if let loose { accumulators.insert(loose, at: 0) }

        var secretBudget = thresholds.secretKeysTotal
        for accumulator in accumulators {
            profiles.append(accumulator.profile(now: now, index: index))
            let sample = Array(accumulator.sample(size: thresholds.secretKeysPerPrefix).prefix(max(0, secretBudget)))
            secretBudget -= sample.count
            secretCandidates.append(sample.map { index.entry(KeyID(rawValue: $0)) })
        }
        largestKeys = largest.map { index.entry(KeyID(rawValue: $0.id)) }
        largestByType = byType.compactMap { $0 }.map { index.entry(KeyID(rawValue: $0.id)) }
        locks = lockIDs.map { index.entry(KeyID(rawValue: $0)) }
        hotKeyCandidates = hotIDs.map { index.key(KeyID(rawValue: $0)) }
    }

    /// Share of the analysed keys with no TTL (0 when empty), among keys whose TTL is known.
    public var persistentShare: Double {
        let known = expiringCount + persistentCount
        return known > 0 ? Double(persistentCount) / Double(known) : 0
    }

    /// `*<d>lock`, `lock<d>*`, `*<d>mutex`, `*<d>lock<d>*` (`<d>` the delimiter), case-insensitive.
    static func isLockName(_ key: UnsafeRawBufferPointer, delimiter: UInt8) -> Bool {
        func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }
        func matches(_ word: StaticString, at offset: Int) -> Bool {
            let count = word.utf8CodeUnitCount
            guard offset >= 0, offset + count <= key.count else { return false }
            let w = word.utf8Start
            for i in 0..<count where lower(key[offset + i]) != w[i] { return false }
            return true
        }
        let n = key.count
        if n >= 5, key[n - 5] == delimiter, matches("lock", at: n - 4) { return true }
        if n >= 6, key[n - 6] == delimiter, matches("mutex", at: n - 5) { return true }
        if n >= 5, key[4] == delimiter, matches("lock", at: 0) { return true }
        return false
    }

    /// One prefix being gathered.
    struct Accumulator {
        let prefix: [UInt8]
        var profile: PrefixProfile
        var deadlines: [Int64] = []
        var expiringIDs: [UInt32] = []
        /// Reservoirs of hashes and of strings, kept apart so that a prefix mostly of one type
        /// still has the other sampled (whole rows cached as hashes hide among JSON strings).
        var hashSample: [UInt32] = []
        var hashSeen = 0
        var stringSample: [UInt32] = []
        var stringSeen = 0

        /// Up to `size` keys, half of each type when both have enough (a type with fewer
        /// leaves its share to the other), hashes first.
        func sample(size: Int) -> [UInt32] {
            let hashes = min(hashSample.count, max((size + 1) / 2, size - stringSample.count))
            return Array(hashSample.prefix(hashes)) + Array(stringSample.prefix(size - hashes))
        }

        init(prefix: [UInt8]) {
            self.prefix = prefix
            self.profile = PrefixProfile(prefix: prefix)
        }

        mutating func add(
            _ id: UInt32, type: UInt8, deadline: Int64, memory: UInt64, index: KeyIndex,
            thresholds: DoctorThresholds, random: inout SplitMix64
        ) {
            profile.keyCount += 1
            profile.memory += memory
            if memory > profile.largestMemory || profile.largestKey.isEmpty {
                profile.largestMemory = memory
                profile.largestKey = index.key(KeyID(rawValue: id))
            }
            switch deadline {
            case -1:
                profile.persistentCount += 1
                profile.persistentMemory += memory
                if profile.persistentExamples.count < DoctorFinding.maximumExamples {
                    profile.persistentExamples.append(index.key(KeyID(rawValue: id)))
                }
            case -2:
                break
            default:
                profile.expiringCount += 1
                deadlines.append(deadline)
                expiringIDs.append(id)
            }
            // Secrets are looked for in hashes and strings, sampled apart (see `sample`).
            let sampleSize = thresholds.secretKeysPerPrefix
            if type == RedisKeyType.hash.rawValue {
                Self.reservoir(&hashSample, seen: &hashSeen, size: sampleSize, id: id, random: &random)
            } else if type == RedisKeyType.string.rawValue {
                Self.reservoir(&stringSample, seen: &stringSeen, size: sampleSize, id: id, random: &random)
            }
        }

        /// Reservoir sampling: every id seen has the same chance to be among the `size` kept.
        static func reservoir(_ sample: inout [UInt32], seen: inout Int, size: Int, id: UInt32, random: inout SplitMix64) {
            seen += 1
            if sample.count < size {
                sample.append(id)
            } else if size > 0 {
                let slot = Int(random.next() % UInt64(seen))
                if slot < size { sample[slot] = id }
            }
        }

        func profile(now: Int64, index: KeyIndex) -> PrefixProfile {
            var profile = self.profile
            guard !deadlines.isEmpty else { return profile }
            let sorted = deadlines.sorted()
            let (perSecond, secondStart) = Self.peak(sorted, window: 1000)
            profile.peakPerSecond = perSecond
            profile.peakSecondStart = secondStart
            profile.peakPerMinute = Self.peak(sorted, window: 60_000).count
            func remaining(_ deadline: Int64) -> Int64 { max(0, deadline - now) / 1000 }
            profile.medianRemaining = remaining(sorted[sorted.count / 2])
            profile.p90Remaining = remaining(sorted[min(sorted.count - 1, sorted.count * 9 / 10)])
            profile.histogram = TTLHistogram(remainingSeconds: sorted.map(remaining))
            var examples: [[UInt8]] = []
            for (deadline, id) in zip(deadlines, expiringIDs) where deadline >= secondStart && deadline < secondStart + 1000 {
                examples.append(index.key(KeyID(rawValue: id)))
                if examples.count == DoctorFinding.maximumExamples { break }
            }
            profile.waveExamples = examples
            return profile
        }

        /// The most deadlines within any window of `window` ms, and where that window starts.
        static func peak(_ sorted: [Int64], window: Int64) -> (count: Int, start: Int64) {
            var best = 0
            var bestStart: Int64 = 0
            var low = 0
            for high in sorted.indices {
                while sorted[high] - sorted[low] >= window { low += 1 }
                if high - low + 1 > best {
                    best = high - low + 1
                    bestStart = sorted[low]
                }
            }
            return (best, bestStart)
        }
    }
}

/// A small, fast, seedable generator for the reservoir samples (deterministic: the same index
/// gives the same samples).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
