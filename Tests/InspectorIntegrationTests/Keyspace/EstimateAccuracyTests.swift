// Estimates from partial walks of real seeded keyspaces against the exact figures: standalone at 5%, hash tags in a cluster.
import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

/// Accuracy of the estimates on real servers. Prefixes are checked when they hold ≥ 1% of the
/// keys: at 5% visited that is at least 100 keys in the sample (500 on the 1M-key keyspace),
/// where the normal interval the estimator uses is sound; smaller prefixes get wide intervals, but a check of them would measure
/// the approximation, not the estimator.
@Suite("Estimates against exact figures on real servers", .serialized, .timeLimit(.minutes(8)))
struct EstimateAccuracyTests {
    /// Depth-1 prefixes with their share of the keys, type and TTL, and depth-2 children.
    struct Family {
        var prefix: String
        var share: Double
        var type: RedisKeyType
        var ttl: Bool
        var children: [(String, Double)] = []
    }

    static let families: [Family] = [
        Family(prefix: "user:", share: 0.25, type: .hash, ttl: false, children: [("profile:", 0.6), ("settings:", 0.24)]),
        Family(prefix: "session:", share: 0.20, type: .string, ttl: true),
        Family(prefix: "cache:", share: 0.15, type: .string, ttl: true, children: [("page:", 0.53), ("api:", 0.33), ("frag:", 0.14)]),
        Family(prefix: "cart:", share: 0.08, type: .list, ttl: true),
        Family(prefix: "product:", share: 0.07, type: .hash, ttl: false),
        Family(prefix: "rate:", share: 0.06, type: .string, ttl: true),
        Family(prefix: "lock:", share: 0.04, type: .string, ttl: true),
        Family(prefix: "feed:", share: 0.03, type: .zset, ttl: false),
        Family(prefix: "cfg:", share: 0.02, type: .hash, ttl: false),
        Family(prefix: "tmp:", share: 0.015, type: .string, ttl: true),
        Family(prefix: "flag:", share: 0.012, type: .string, ttl: false),
    ]

    /// The seeded keyspace: `total` keys, the families above and 200 small tail prefixes
    /// (0.0365% each); values of 20–220 bytes, one key in 997 a 16 KB string (memory is heavy-tailed).
    static func keyspace(total: Int) -> (commands: [RedisCommand], truth: [String: (keys: Int, withoutTTL: Int)]) {
        var commands: [RedisCommand] = []
        var truth: [String: (keys: Int, withoutTTL: Int)] = [:]
        commands.reserveCapacity(total)
        var n = 0
        func add(_ key: String, _ family: Family?) {
            n += 1
            let size = n % 997 == 0 ? 16_384 : 20 + (n * 7919) % 200
            let value = String(repeating: "x", count: size)
            let type = family?.type ?? .string
            switch type {
            case .hash: commands.append(RedisCommand("HSET", key, "name", value, "n", n))
            case .list: commands.append(RedisCommand("RPUSH", key, value, "b", "c"))
            case .zset: commands.append(RedisCommand("ZADD", key, 1, value, 2, "b"))
            default: commands.append(family?.ttl == true ? RedisCommand("SET", key, value, "EX", 3600) : RedisCommand("SET", key, value))
            }
            if family?.ttl == true, type != .string { commands.append(RedisCommand("EXPIRE", key, 3600)) }
            var levels = [String]()
            var rest = Substring(key)
            while let colon = rest.firstIndex(of: ":") {
                levels.append((levels.last ?? "") + rest[...colon])
                rest = rest[rest.index(after: colon)...]
                if levels.count == 2 { break }
            }
            for level in levels {
                truth[level, default: (0, 0)].keys += 1
                if family?.ttl != true { truth[level, default: (0, 0)].withoutTTL += 1 }
            }
        }
        for family in families {
            let count = Int(Double(total) * family.share)
            var used = 0
            for (child, share) in family.children {
                let c = Int(Double(count) * share)
                for i in 0..<c { add("\(family.prefix)\(child)\(i)", family) }
                used += c
            }
            for i in 0..<(count - used) { add("\(family.prefix)\(i)", family) }
        }
        let tail = total - n
        for i in 0..<tail { add("tail\(i % 200):\(i)", nil) }
        return (commands, truth)
    }

    /// How many checked prefixes have the truth inside their 95% interval (or, `widened`, its
    /// 99.9% widening: ``Estimate/holdsAt999(_:)``).
    static func coverage(
        _ picture: KeyspaceEstimates, truth: [String: Double], widened: Bool = false, of estimate: (PrefixEstimate) -> Estimate
    ) -> (covered: Int, checked: Int, missed: [String]) {
        var covered = 0
        var missed: [String] = []
        for (prefix, value) in truth {
            let row = picture.prefixes.first { $0.prefix == Array(prefix.utf8) }
            if let row, widened ? estimate(row).holdsAt999(value) : estimate(row).covers(value) {
                covered += 1
            } else {
                missed.append("\(prefix) \(value) not in \(row.map { "[\(estimate($0).low), \(estimate($0).high)]" } ?? "(not seen)")")
            }
        }
        return (covered, truth.count, missed)
    }

    /// 1M keys on the default server; 200k on the matrix's other servers. The walk is the same, and
    /// 200k still puts ≥ 100 keys of every checked prefix in a 5% sample. At 1M the test takes two
    /// minutes in a debug build (the exact walk 54 s, seeding 18 s, making the keys 13 s), and the
    /// matrix would pay that twice more.
    static var standaloneKeyCount: Int { TestServerBinary.isOverridden ? 200_000 : 1_000_000 }

    @Test("1M keys (200k on the matrix), standalone, 5% visited: true counts inside the 95% intervals for ≥ 90% of prefixes holding ≥ 1% of the keys")
    func standaloneAtFivePercent() async throws {
        try TestServerBinary.prepare()
        let total = Self.standaloneKeyCount
        let (commands, truth) = Self.keyspace(total: total)
        try await RedisFixture.with { redis in
            try await redis.run(commands)
            #expect(try await redis.send("DBSIZE").int == Int64(total))
            let fast = ScanLoadPolicy(maxCount: 1000, maxCommandsPerSecond: nil)
            let far = ContinuousClock.now + .seconds(600)

            // The complete walk is exact and equals the generator's counts.
            let full = try await KeyspaceSampler.sample(redis.connection, node: "n", until: far, policy: fast)
            let exact = KeyspaceEstimator(depth: 2).estimate(full)
            #expect(exact.exact && exact.visitedFraction == 1)
            #expect(exact.keys == Estimate(exact: Double(total)))
            let checked = truth.filter { Double($0.value.keys) >= 0.01 * Double(total) }
            #expect(checked.count == 16)
            for (prefix, t) in checked {
                let row = exact.prefixes.first { $0.prefix == Array(prefix.utf8) }
                #expect(row?.keys == Estimate(exact: Double(t.keys)), "\(prefix)")
                #expect(row?.withoutTTL == Estimate(exact: Double(t.withoutTTL)), "\(prefix)")
            }
            let keyTruth = checked.mapValues { Double($0.keys) }
            let ttlTruth = checked.mapValues { Double($0.withoutTTL) }
            let memoryTruth = Dictionary(
                uniqueKeysWithValues: checked.keys.map { prefix in
                    (prefix, exact.prefixes.first { $0.prefix == Array(prefix.utf8) }!.memory.value)
                })

            // The real partial walk, stopped at 5% of the hash space.
            let strata = try await KeyspaceSampler.sample(redis.connection, node: "n", until: far, policy: fast, share: 0.05)
            guard strata.count == 1, let partial = strata.first, case .bernoulli(let f) = partial.design else {
                Issue.record("a partial walk of one table is one Bernoulli sample, not \(strata.map(\.design))")
                return
            }
            #expect(f >= 0.05 && f < 0.07)
            let picture = KeyspaceEstimator(depth: 2).estimate([partial])
            #expect(!picture.exact)
            let single = Self.coverage(picture, truth: keyTruth, widened: true) { $0.keys }
            print("5% walk (f = \(f), \(partial.keys.count) keys): counts covered \(single.covered)/\(single.checked); missed \(single.missed)")
            print("5% walk: total keys \(picture.keys.value) in [\(picture.keys.low), \(picture.keys.high)], DBSIZE \(total)")
            // One walk, checked at 99.9%: more than one miss is chance only where nested prefixes
            // miss together. The pooled check below holds the 95% intervals to their coverage.
            #expect(single.covered >= 14, "\(single.missed)")

            // Twenty disjoint 5% windows of one walk are twenty independent Bernoulli samples: keys
            // fall in hash space at random, so the keys returned while the cursor crosses [a, b)
            // are each there with probability b − a.
            let byKey = Dictionary(uniqueKeysWithValues: full.flatMap(\.keys).map { ($0.key, $0) })
            var windows = [(keys: [SampledKey], width: Double)](repeating: ([], 0), count: 20)
            let progress = NodeScanProgress(shape: .standalone)
            var cursor: UInt64 = 0
            var before = 0.0
            repeat {
                let reply = try await redis.send("SCAN", String(cursor), "COUNT", 1000)
                let text = try #require(reply.array?[0].bytes)
                cursor = try #require(ScanCursorLayout.parse(text))
                let after = progress.visitedFraction(afterReturning: cursor)
                let w = min(19, Int(before * 20))
                windows[w].width += after - before
                for key in reply.array?[1].array ?? [] { if let found = key.bytes.flatMap({ byKey[$0] }) { windows[w].keys.append(found) } }
                before = after
            } while cursor != 0
            var pooled = (keys: 0, memory: 0, ttl: 0, checked: 0)
            for window in windows {
                let sample = KeyspaceSample(node: "n", design: .bernoulli(fraction: window.width), keys: window.keys, visitedFraction: window.width, population: total)
                let estimate = KeyspaceEstimator(depth: 2).estimate([sample])
                pooled.keys += Self.coverage(estimate, truth: keyTruth) { $0.keys }.covered
                pooled.memory += Self.coverage(estimate, truth: memoryTruth) { $0.memory }.covered
                pooled.ttl += Self.coverage(estimate, truth: ttlTruth) { $0.withoutTTL }.covered
                pooled.checked += keyTruth.count
            }
            let rates = (Double(pooled.keys) / Double(pooled.checked), Double(pooled.memory) / Double(pooled.checked), Double(pooled.ttl) / Double(pooled.checked))
            print(String(format: "20 windows of ~5%%: coverage keys %.3f, memory %.3f, without TTL %.3f over %d checks", rates.0, rates.1, rates.2, pooled.checked))
            #expect(rates.0 >= 0.90, "count coverage \(rates.0)")
            #expect(rates.2 >= 0.90, "without-TTL coverage \(rates.2)")
            // Memory is heavy-tailed: one key in 997 holds 16 KB, a prefix of 2,000 keys has two, and a
            // 5% window usually sees neither, so its interval is too low and too narrow. Measured:
            // 76–88% coverage (Redis 7.0, 8.2, Valkey 8.1; 200k and 1M keys). The interval says so in its
            // documentation, and the snapshot lists the big keys found; this guards against worse.
            #expect(rates.1 >= 0.65, "memory coverage \(rates.1) (heavy-tailed)")
        }
    }

    @Test("cluster with hash-tagged keys: slots drawn at random give honest intervals")
    func clusterHashTags() async throws {
        try await KeyspaceClusterFixture.with { fixture in
            let (cluster, client) = (fixture.cluster, fixture.client)
            var (commands, truth) = Self.keyspace(total: 40_000)
            // 30 tenants of 200 keys, each tenant's keys in one slot.
            for t in 0..<30 { for i in 0..<200 { commands.append(RedisCommand("SET", "tenant:{t\(t)}:\(i)", "v")) } }
            truth["tenant:"] = (6000, 6000)
            try await fixture.fill(commands)
            let total = 46_000
            let keyTruth = truth.filter { Double($0.value.keys) >= 0.01 * Double(total) }.mapValues { Double($0.keys) }
            let first = try await RedisConnection.connect(ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: cluster.primaries[0].port)))
            let (shape, _) = try await ScanShapeProbe.node(first)
            await first.close()
            let policy = ScanLoadPolicy(maxCount: 1000, maxCommandsPerSecond: nil)
            let far = ContinuousClock.now + .seconds(600)
            var covered = (spread: 0, spreadChecked: 0, tenant: 0, walks: 0)
            let walks = shape.layout == .singleTable ? 1 : 12
            for seed in 0..<walks {
                let samples = try await KeyspaceSampler.sample(cluster: client, until: far, policy: policy, seed: UInt64(seed) * 1000, share: 0.2)
                // Per slot: each node's tenant slots are a stratum of large slots, walked first and whole.
                #expect(samples.count == (shape.layout == .singleTable ? 3 : 6), "\(samples.map(\.node))")
                for sample in samples {
                    switch (shape.layout, sample.design) {
                    case (.tablePerSlot, .slots(let n, let all)): #expect(n > 0 && n < all && !sample.node.hasSuffix("large slots"), "a partial sample of regular slots")
                    case (.tablePerSlot, .complete): #expect(sample.node.hasSuffix("large slots"), "only the large slots were walked whole")
                    case (.singleTable, .bernoulli(let f)): #expect(f >= 0.2 && f < 0.3)
                    default: Issue.record("\(shape.server) \(shape.layout): unexpected design \(sample.design) for \(sample.node)")
                    }
                }
                if shape.layout != .singleTable {
                    // The tenants' slots (and the few untagged keys that share them) are the large ones.
                    let large = samples.filter { $0.node.hasSuffix("large slots") }.flatMap(\.keys)
                    #expect(large.filter { $0.key.starts(with: Array("tenant:".utf8)) }.count == 6000)
                    #expect(large.count < 6200)
                }
                let picture = KeyspaceEstimator(depth: 2).estimate(samples)
                #expect(!picture.exact)
                let spread = Self.coverage(picture, truth: keyTruth.filter { $0.key != "tenant:" }) { $0.keys }
                let tenant = Self.coverage(picture, truth: ["tenant:": 6000]) { $0.keys }
                covered.spread += spread.covered
                covered.spreadChecked += spread.checked
                covered.tenant += tenant.covered
                covered.walks += 1
                let row = picture.prefixes.first { $0.prefix == Array("tenant:".utf8) }
                print(
                    "\(shape.server) walk \(seed): visited \(picture.visitedFraction); tenant: \(row.map { "\($0.keys.value) in [\($0.keys.low), \($0.keys.high)]" } ?? "not seen"); spread missed \(spread.missed)"
                )
            }
            let spreadRate = Double(covered.spread) / Double(covered.spreadChecked)
            print("\(shape.server) \(shape.layout): spread coverage \(spreadRate), tenant coverage \(covered.tenant)/\(covered.walks)")
            if shape.layout == .singleTable {
                // One table per node: hash-tagged keys are placed by the seeded hash like any other key,
                // and the one walk is a Bernoulli sample. Of 16 prefixes at nominal 95%, ≥ 5 misses
                // has a 0.1% chance.
                #expect(covered.spread >= covered.spreadChecked - 4, "spread prefixes \(covered.spread) of \(covered.spreadChecked)")
            } else {
                // The walks are deterministic (fixed keys, so fixed slots; fixed seeds).
                #expect(spreadRate >= 0.9, "spread prefixes \(spreadRate)")
                // The tagged slots were counted whole: the true 6000 is inside every time. (Drawn among
                // the other slots instead, six of the 30 were seen on average and 8 of 12 walks covered it.)
                #expect(covered.tenant == covered.walks, "tagged prefix covered in \(covered.tenant) of \(covered.walks) walks")
            }
        }
    }
}
