// The I/O around SampleWalk: walks a node (or every shard of a cluster) until a deadline and looks the keys up.
import Foundation
import RESP
import RedisClient

/// Walks nodes for a sample under a deadline and the load policy's ceiling, and looks every key
/// it keeps up (`TYPE`, `PTTL`, `MEMORY USAGE`). The walk's plan is ``SampleWalk``; this only
/// sends its commands. Each batch's lookups finish before the deadline is looked at again, so the
/// keys always match the design (a batch is sized to about a tenth of a second of the ceiling);
/// the first batch is walked even when the deadline has already passed.
public enum KeyspaceSampler {
    /// Samples one node until `deadline` (or its end): one sample per stratum of its walk (see
    /// ``SampleWalk/strata``), to be estimated together.
    /// - Parameters:
    ///   - connection: the node (a plain connection, not a cluster client).
    ///   - node: its name in the sample.
    ///   - deadline: when to stop walking.
    ///   - policy: `maxCount` bounds each `SCAN`, `maxCommandsPerSecond` every command sent,
    ///     `memorySamples` the `MEMORY USAGE` work.
    ///   - seed: draws the slot order under slot sampling.
    ///   - readOnlyReplica: send `READONLY` first (a cluster replica serves keyed reads only then).
    ///   - share: stop once this share of the node's keys is behind the walk (1: walk to the end).
    ///   - counter: counts every key name the walk returns per prefix (``PrefixCounter``), on a walk
    ///     over one table; the sample then stays within `policy.indexBudgetBytes`, keeping a uniform
    ///     sample of the keys by hash past it (as the index does, ``IndexBudget``), and carries the
    ///     counts (``KeyspaceSample/prefixCounter``). Nil: every key seen is kept and looked up.
    /// - Throws: `KeyspaceError` or `RedisError` when the node fails.
    public static func sample(
        _ connection: any RedisPipelining, node: String, until deadline: ContinuousClock.Instant,
        policy: ScanLoadPolicy = .default, seed: UInt64 = UInt64.random(in: 0...UInt64.max), readOnlyReplica: Bool = false,
        share: Double = 1, counter: PrefixCounter? = nil
    ) async throws -> [KeyspaceSample] {
        var bucket = policy.maxCommandsPerSecond.map { TokenBucket(rate: $0) }
        let clock = ContinuousClock()
        let origin = clock.now
        func pace(_ count: Int) async throws {
            guard bucket != nil else { return }
            let wait = bucket!.take(count, now: KeyspaceScanner.seconds(clock.now - origin))
            if wait > 0 { try await Task.sleep(for: .seconds(wait)) }
        }
        let population = Int(try await connection.call(RedisCommand("DBSIZE")).int ?? 0)
        let (shape, probeCommands) = try await ScanShapeProbe.node(connection)
        try await pace(1 + probeCommands)

        // A batch (its SCAN keys and their three lookups each) is about a tenth of a second of the ceiling.
        let perBatch = policy.maxCommandsPerSecond.map { max(10, Int($0 / 10 / Double(1 + KeyLookup.commandsPerKey))) } ?? policy.maxCount
        let count = max(1, min(policy.maxCount, perBatch))
        let perSlot = shape.slots.isEmpty ? 1 : max(1, shape.keysPerSlot.reduce(0, +) / max(1, shape.keysPerSlot.filter { $0 > 0 }.count))
        var walk = SampleWalk(shape: shape, seed: seed, maxCount: count, slotsAtOnce: min(64, max(1, count / perSlot)))
        let memoryOptions = KeyLookup.memoryOptions(samples: policy.memorySamples)
        let prefix = readOnlyReplica ? [RedisCommand("READONLY")] : []
        var seen = Set<[UInt8]>()
        var keys: [SampledKey] = []
        // Counting walks over one table keep a hash sample past the budget (keys and lookups alike).
        var counter = walk.walksSlots ? nil : counter
        var threshold = UInt64.max
        let capacity = Swift.max(1024, IndexBudget(bytes: policy.indexBudgetBytes).capacity())
        func admits(_ key: [UInt8]) -> Bool { threshold == .max || key.withUnsafeBytes { IndexBudget.sampleHash($0) } <= threshold }

        // The first batch is walked whatever the deadline: a slow start (a loaded machine, a far
        // node) must not leave a sample with nothing in it.
        var first = true
        while !walk.isFinished && (first || clock.now < deadline) && walk.visitedFraction < share {
            try Task.checkCancellation()
            first = false
            let scans = walk.nextScans(count: count)
            try await pace(scans.count)
            let replies = Array(try await connection.pipeline(prefix + scans.map(\.command)).dropFirst(prefix.count))
            var fresh: [(key: [UInt8], slot: Int)] = []
            for (scan, reply) in zip(scans, replies) {
                if let message = reply.errorMessage { throw KeyspaceError.server(command: "SCAN", message: message) }
                guard let parts = reply.array, parts.count == 2, let text = parts[0].bytes, let next = ScanCursorLayout.parse(text),
                    let returned = parts[1].array
                else { throw KeyspaceError.unexpectedReply(command: "SCAN") }
                for key in walk.record(scan, returned: next, keys: returned.compactMap(\.bytes)) {
                    guard counter != nil else {
                        if seen.insert(key).inserted { fresh.append((key, scan.slot ?? 0)) }
                        continue
                    }
                    // Every name is counted; one the sample holds already is a duplicate of this walk.
                    guard admits(key) else {
                        key.withUnsafeBytes { counter!.count($0) }
                        continue
                    }
                    guard seen.insert(key).inserted else {
                        counter!.noteDuplicate()
                        continue
                    }
                    key.withUnsafeBytes { counter!.count($0) }
                    fresh.append((key, scan.slot ?? 0))
                }
            }
            if counter != nil, seen.count > capacity {
                repeat { threshold = threshold == .max ? UInt64.max / 2 : threshold / 2 } while seen.filter(admits).count > capacity && threshold > 0
                seen = seen.filter(admits)
                keys.removeAll { !admits($0.key) }
                fresh.removeAll { !admits($0.key) }
            }
            guard !fresh.isEmpty else { continue }
            var commands = prefix
            commands.reserveCapacity(prefix.count + fresh.count * KeyLookup.commandsPerKey)
            for item in fresh { KeyLookup.appendCommands(for: item.key, memoryOptions: memoryOptions, to: &commands) }
            try await pace(fresh.count * KeyLookup.commandsPerKey)
            let answers = Array(try await connection.pipeline(commands).dropFirst(prefix.count))
            let now = wallClockMilliseconds()
            for (n, item) in fresh.enumerated() {
                let found = KeyLookup.read(answers, at: n * KeyLookup.commandsPerKey, now: now)
                guard found.type != .gone else { continue }
                keys.append(SampledKey(key: item.key, type: found.type, withoutTTL: found.ttl == .persistent, memory: found.memory, slot: item.slot))
            }
        }
        guard walk.walksSlots else {
            let stratum = walk.strata[0]
            // Past the budget each key is in the sample with the walked share × the sample's rate.
            let rate = threshold == .max ? 1 : Double(threshold) / 18_446_744_073_709_551_616.0
            let design: SampleDesign = rate < 1 ? .bernoulli(fraction: Swift.min(1, stratum.visitedFraction) * rate) : stratum.design
            return [
                KeyspaceSample(
                    node: node, design: design, keys: keys, visitedFraction: stratum.visitedFraction, population: population,
                    sampleRate: rate, prefixCounter: counter)
            ]
        }
        let large = walk.largeSlots
        return walk.strata.map { stratum in
            let isLarge = !stratum.name.isEmpty
            return KeyspaceSample(
                node: isLarge ? "\(node) \(stratum.name)" : node, design: stratum.design,
                keys: keys.filter { large.contains($0.slot) == isLarge },
                visitedFraction: stratum.visitedFraction, population: stratum.probedKeys ?? population,
                slotFractions: stratum.slotFractions)
        }
    }

    /// Samples every shard of a cluster at once (its primaries, or one replica each with
    /// `fromReplicas`), each until `deadline` or `share` of its keys: the strata of every shard.
    /// - Throws: when a node fails.
    public static func sample(
        cluster: ClusterClient, fromReplicas: Bool = false, until deadline: ContinuousClock.Instant,
        policy: ScanLoadPolicy = .default, seed: UInt64 = UInt64.random(in: 0...UInt64.max), share: Double = 1
    ) async throws -> [KeyspaceSample] {
        if await cluster.topology.shards.isEmpty { _ = try await cluster.refreshTopology() }
        let endpoints = await cluster.shardEndpoints(replica: fromReplicas)
        var connections: [(RedisEndpoint, ManagedConnection)] = []
        for endpoint in endpoints { connections.append((endpoint, await cluster.connection(for: endpoint))) }
        return try await withThrowingTaskGroup(of: (Int, [KeyspaceSample]).self) { group in
            for (i, (endpoint, connection)) in connections.enumerated() {
                group.addTask {
                    (
                        i,
                        try await sample(
                            connection, node: "\(endpoint)", until: deadline, policy: policy,
                            seed: seed &+ UInt64(i), readOnlyReplica: fromReplicas, share: share)
                    )
                }
            }
            var samples = [[KeyspaceSample]](repeating: [], count: connections.count)
            for try await (i, strata) in group { samples[i] = strata }
            return samples.flatMap { $0 }
        }
    }
}
