// The pure estimator: from nodes' samples to every prefix's key count, memory and keys without TTL, with 95% intervals.

/// Estimates the namespace tree of a keyspace from partial walks, as a pure function of the
/// samples (no I/O; ``KeyspaceSampler`` gathers them).
///
/// Each node is a stratum with its own ``SampleDesign``; for every prefix (the key's bytes up to
/// and including the `n`-th delimiter, `n` = 1…`depth`) and for the whole keyspace, it sums per
/// unit the quantities key count, `MEMORY USAGE` and keys without TTL, then forms the
/// Horvitz–Thompson total (each unit divided by its inclusion probability) and its variance
/// (``HorvitzThompson``), adds the strata, and makes a 95% ``Estimate``: for counts drawn by
/// Bernoulli walks the score interval (``Estimate/init(count:fraction:exact:)``), otherwise
/// value ± 1.96 standard errors. When every walk completed the figures are exact: low = high = value.
///
/// What the interval covers: the error from seeing only part of the keyspace, under the
/// design's randomness (the server's hash seed places keys; the slot order is drawn at random).
/// It assumes the normal approximation, which holds for counts once a prefix has some tens of keys
/// in the sample. Memory is heavy-tailed (one 5 MB key among 200-byte ones): a big key seen is
/// weighed up by 1/f and widens the interval, a big key not seen is simply missing, so memory
/// intervals are looser than count intervals and can miss low; ``KeyspaceEstimates/bigKeys`` lists
/// the big keys that were found.
///
///     let sample = try await KeyspaceSampler.sample(connection, node: "a", until: deadline)
///     let picture = KeyspaceEstimator(delimiter: UInt8(ascii: ":"), depth: 2).estimate([sample])
///     for row in picture.prefixes { print(row.prefix, row.keys.value, row.keys.low, row.keys.high) }
public struct KeyspaceEstimator: Sendable {
    /// The namespace delimiter.
    public var delimiter: UInt8
    /// Deepest prefix level estimated (1 = `user:` only).
    public var depth: Int
    /// How many of the largest keys seen to keep in ``KeyspaceEstimates/bigKeys``.
    public var bigKeyCount: Int

    public init(delimiter: UInt8 = UInt8(ascii: ":"), depth: Int = 2, bigKeyCount: Int = 10) {
        self.delimiter = delimiter
        self.depth = max(1, depth)
        self.bigKeyCount = bigKeyCount
    }

    /// The three quantities summed per unit.
    private struct Sums {
        var keys = HorvitzThompson()
        var memory = HorvitzThompson()
        var withoutTTL = HorvitzThompson()
        mutating func add(keys k: Double, memory m: Double, withoutTTL t: Double) {
            keys.add(k)
            memory.add(m)
            withoutTTL.add(t)
        }

        /// Adds one slot as a unit: seen whole (`f` = 1) or by the share `f` of its table, its
        /// total then estimated as y/f with variance (1−f)/f² · Σy² (Bernoulli within the slot).
        mutating func add(_ slot: SlotSums, fraction f: Double) {
            func unit(_ ht: inout HorvitzThompson, _ y: Double, _ y2: Double) {
                ht.add(y / f, variance: (1 - f) / (f * f) * y2, seen: y)
            }
            unit(&keys, slot.keys, slot.keys)
            unit(&memory, slot.memory, slot.memorySquares)
            unit(&withoutTTL, slot.withoutTTL, slot.withoutTTL)
        }
    }

    /// One slot's raw sums for one prefix (counts are 0/1 a key, so their squares are themselves).
    private struct SlotSums {
        var keys = 0.0
        var memory = 0.0
        var memorySquares = 0.0
        var withoutTTL = 0.0
        mutating func add(memory m: Double, withoutTTL t: Double) {
            keys += 1
            memory += m
            memorySquares += m * m
            withoutTTL += t
        }
    }

    /// One quantity over the strata: the HT total, its variance and what was seen; for counts
    /// also the part drawn by Bernoulli walks (seen, estimated), for the score interval.
    private struct Running {
        var value = 0.0
        var variance = 0.0
        var seen = 0.0
        var bernoulliSeen = 0.0
        var bernoulliValue = 0.0
        /// The smallest Bernoulli fraction among the strata (what a count of zero is read with).
        var bernoulliFraction: Double?
        /// A stratum sampled by slots took part: its variance needs the Wald interval.
        var slotSampled = false

        mutating func fold(_ ht: HorvitzThompson, _ design: SampleDesign) {
            let t = ht.total(under: design)
            value += t.value
            variance += t.variance
            seen += ht.seen
            switch design {
            case .bernoulli(let f):
                bernoulliSeen += ht.sum
                bernoulliValue += t.value
                bernoulliFraction = Swift.min(bernoulliFraction ?? f, f)
            case .slots: slotSampled = true
            case .complete: break
            }
        }

        /// The 95% estimate: exact, the score interval for a count drawn by Bernoulli walks,
        /// otherwise value ± 1.96 standard errors.
        func estimate(exact: Bool, isCount: Bool) -> Estimate {
            if exact { return Estimate(exact: value) }
            if isCount, !slotSampled, let fraction = bernoulliFraction {
                let f = bernoulliValue > 0 ? bernoulliSeen / bernoulliValue : fraction
                return Estimate(count: bernoulliSeen, fraction: f, exact: value - bernoulliValue)
            }
            return Estimate(value: value, variance: variance, seen: seen)
        }
    }

    /// Running totals of each quantity, and keys by type.
    private struct Totals {
        var keys = Running()
        var memory = Running()
        var withoutTTL = Running()
        var types: [RedisKeyType: Double] = [:]

        mutating func add(_ sums: Sums, _ design: SampleDesign) {
            keys.fold(sums.keys, design)
            memory.fold(sums.memory, design)
            withoutTTL.fold(sums.withoutTTL, design)
        }
    }

    /// Estimates every prefix to `depth` and the totals from the samples of one or more nodes.
    public func estimate(_ samples: [KeyspaceSample]) -> KeyspaceEstimates {
        var prefixIDs: [[UInt8]: Int] = [:]
        var prefixes: [(bytes: [UInt8], depth: Int)] = []
        var totals: [Totals] = []
        var all = Totals()
        let exact = samples.allSatisfy { $0.design.isComplete }

        for sample in samples {
            let design: SampleDesign = sample.design.isComplete ? .complete : sample.design
            let weight = HorvitzThompson.weight(under: design)
            var sums: [Int: Sums] = [:]
            var whole = Sums()
            // Per key: the prefix ids it counts towards.
            func ids(of key: [UInt8]) -> [Int] {
                var found: [Int] = []
                var level = 0
                for (i, byte) in key.enumerated() where byte == delimiter {
                    level += 1
                    let bytes = Array(key[...i])
                    let id: Int
                    if let known = prefixIDs[bytes] {
                        id = known
                    } else {
                        id = prefixes.count
                        prefixIDs[bytes] = id
                        prefixes.append((bytes, level))
                        totals.append(Totals())
                    }
                    found.append(id)
                    if level == depth { break }
                }
                return found
            }
            switch design {
            case .complete, .bernoulli:
                for key in sample.keys {
                    let m = Double(key.memory)
                    let t: Double = key.withoutTTL ? 1 : 0
                    whole.add(keys: 1, memory: m, withoutTTL: t)
                    for id in ids(of: key.key) {
                        sums[id, default: Sums()].add(keys: 1, memory: m, withoutTTL: t)
                        totals[id].types[key.type, default: 0] += weight
                    }
                    all.types[key.type, default: 0] += weight
                }
            case .slots:
                // One unit per slot: the slot's (estimated) totals are what gets squared.
                for (slot, keys) in Dictionary(grouping: sample.keys, by: \.slot) {
                    let f = Swift.min(1, Swift.max(1e-9, sample.slotFractions[slot] ?? 1))
                    var slotSums: [Int: SlotSums] = [:]
                    var slotWhole = SlotSums()
                    for key in keys {
                        let m = Double(key.memory)
                        let t: Double = key.withoutTTL ? 1 : 0
                        slotWhole.add(memory: m, withoutTTL: t)
                        for id in ids(of: key.key) {
                            slotSums[id, default: SlotSums()].add(memory: m, withoutTTL: t)
                            totals[id].types[key.type, default: 0] += weight / f
                        }
                        all.types[key.type, default: 0] += weight / f
                    }
                    whole.add(slotWhole, fraction: f)
                    for (id, slotTotals) in slotSums { sums[id, default: Sums()].add(slotTotals, fraction: f) }
                }
            }
            all.add(whole, design)
            for (id, s) in sums { totals[id].add(s, design) }
        }

        var rows: [PrefixEstimate] = []
        rows.reserveCapacity(prefixes.count)
        for (id, p) in prefixes.enumerated() {
            let t = totals[id]
            rows.append(
                PrefixEstimate(
                    prefix: p.bytes, depth: p.depth, keys: t.keys.estimate(exact: exact, isCount: true),
                    memory: t.memory.estimate(exact: exact, isCount: false),
                    withoutTTL: t.withoutTTL.estimate(exact: exact, isCount: true), types: t.types))
        }
        let population = samples.reduce(0) { $0 + $1.population }
        let visited: Double
        if exact {
            visited = 1
        } else if population > 0 {
            visited = samples.reduce(0.0) { $0 + Double($1.population) * $1.visitedFraction } / Double(population)
        } else {
            visited = samples.isEmpty ? 0 : samples.reduce(0.0) { $0 + $1.visitedFraction } / Double(samples.count)
        }
        let big = samples.flatMap(\.keys).sorted { $0.memory > $1.memory }.prefix(bigKeyCount)
        return KeyspaceEstimates(
            visitedFraction: visited, exact: exact, population: population,
            keys: all.keys.estimate(exact: exact, isCount: true), memory: all.memory.estimate(exact: exact, isCount: false),
            withoutTTL: all.withoutTTL.estimate(exact: exact, isCount: true), prefixes: Self.treeOrder(rows),
            bigKeys: Array(big), sampledKeys: samples.reduce(0) { $0 + $1.keys.count })
    }

    /// Parents before their children; siblings by estimated keys, larger first, then by bytes.
    static func treeOrder(_ rows: [PrefixEstimate]) -> [PrefixEstimate] {
        var children: [[UInt8]: [PrefixEstimate]] = [:]
        var others: [[UInt8]: PrefixEstimate] = [:]
        for row in rows {
            if row.isOther {
                others[row.prefix] = row
                continue
            }
            let parent = row.depth == 1 ? [] : parentPrefix(of: row.prefix)
            children[parent, default: []].append(row)
        }
        var ordered: [PrefixEstimate] = []
        ordered.reserveCapacity(rows.count)
        func visit(_ parent: [UInt8]) {
            for kid in (children[parent] ?? []).sorted(by: {
                $0.keys.value != $1.keys.value ? $0.keys.value > $1.keys.value : $0.prefix.lexicographicallyPrecedes($1.prefix)
            }) {
                ordered.append(kid)
                visit(kid.prefix)
            }
            // The folders folded together come after the ones listed.
            if let other = others[parent] { ordered.append(other) }
        }
        visit([])
        return ordered
    }

    /// `user:profile:` → `user:` (everything up to the delimiter before the last one).
    public static func parentPrefix(of prefix: [UInt8]) -> [UInt8] {
        guard let last = prefix.last else { return [] }
        let body = prefix.dropLast()
        guard let cut = body.lastIndex(of: last) else { return [] }
        return Array(prefix[...cut])
    }
}
