// Progress by the cursor against real walks: standalone, every node of a cluster, the cluster-wide cursor, the scanner.
import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

/// Each test walks a real server with `SCAN` and compares the fraction read from the cursors with
/// the share of keys actually seen so far (distinct keys / `DBSIZE`, the keyspace holding still).
///
/// Tolerance at 25/50/75% of the walk: keys land in buckets by a seeded hash, so the share seen
/// when the cursor says f is binomial, with standard deviation √(f(1−f)/N) ≤ √(¼/N), and the
/// keys of one `SCAN … COUNT 100` (about 100/N) arrive at once: 5·√(¼/N) + 100/N, at least 0.02.
/// That is 0.023 for N = 20,000 and 0.04 for a cluster node of 7,700 keys; a wrong layout (slot
/// bits read as a table cursor, or slots unweighted next to a slot of hash-tagged keys) is off by
/// far more.
@Suite("Progress by the cursor on real servers", .serialized, .timeLimit(.minutes(4)))
struct ScanProgressServerTests {
    typealias Point = (fraction: Double, seen: Double)

    /// Walks with `SCAN cursor COUNT 100` on `connection` to the end; after each reply, the fraction
    /// `read` makes of the returned cursor and the share of `total` keys seen.
    static func walk(_ connection: any RedisPipelining, total: Int, read: ([UInt8]) -> Double?) async throws -> [Point] {
        var seen = Set<[UInt8]>()
        var cursor: [UInt8] = Array("0".utf8)
        var points: [Point] = []
        repeat {
            let reply = try await connection.pipeline([RedisCommand(arguments: [Array("SCAN".utf8), cursor, Array("COUNT".utf8), Array("100".utf8)])])[0]
            let parts = try #require(reply.array)
            cursor = try #require(parts[0].bytes)
            let keys = try #require(parts[1].array)
            for key in keys { seen.insert(try #require(key.bytes)) }
            let fraction = try #require(read(cursor), "cursor \(String(decoding: cursor, as: UTF8.self)) unreadable")
            points.append((fraction, Double(seen.count) / Double(total)))
        } while cursor != Array("0".utf8)
        #expect(seen.count == total, "the walk saw every key")
        return points
    }

    /// Ends at 1, never steps back by more than 0.01, and tracks the share seen of `keys` within
    /// the tolerance above.
    static func check(_ points: [Point], _ label: String, keys: Int) {
        let n = Double(max(1, keys))
        let tolerance = max(0.02, 5 * (0.25 / n).squareRoot() + 100 / n)
        #expect(points.last?.fraction == 1, "\(label): ends at 1")
        let back = zip(points, points.dropFirst()).map { $0.fraction - $1.fraction }.max() ?? 0
        #expect(back <= 0.01, "\(label): stepped back by \(back)")
        var figures: [String] = []
        for mark in [0.25, 0.5, 0.75] {
            guard let point = points.first(where: { $0.seen >= mark }) else {
                Issue.record("\(label): never saw \(mark) of the keys")
                continue
            }
            figures.append(String(format: "seen %.4f cursor %.4f", point.seen, point.fraction))
            #expect(abs(point.fraction - point.seen) <= tolerance, "\(label): at \(point.seen) of the keys the cursor says \(point.fraction) (tolerance \(tolerance))")
        }
        print("progress \(label): \(points.count) SCANs; " + figures.joined(separator: "; "))
    }

    /// The layout the started server should have, by its name and version (the probe asks the server itself).
    static func expectedLayout(_ shape: NodeScanShape) -> ScanCursorLayout {
        let parts = shape.server.split(separator: " ")
        let perSlot = NodeScanShape.keepsTablePerSlot(serverName: parts.first == "valkey" ? "valkey" : "", version: String(parts.last ?? ""))
        return shape.clusterEnabled && perSlot ? .clusterSlots : .singleTable
    }

    @Test("standalone: the reverse-binary cursor tracks the keys seen and ends at 1")
    func standalone() async throws {
        try TestServerBinary.prepare()
        try await RedisFixture.with { redis in
            try await redis.run((0..<20_000).map { RedisCommand("SET", "k:\($0)", "v") })
            let (shape, _) = try await ScanShapeProbe.node(redis.connection)
            #expect(shape.layout == .singleTable)
            #expect(!shape.clusterEnabled)
            #expect(shape.server.hasSuffix(" " + (try TestServerBinary.versionNumber())), "\(shape.server) is the binary under test")
            let progress = NodeScanProgress(shape: shape)
            Self.check(try await Self.walk(redis.connection, total: 20_000) { progress.visitedFraction(afterReturning: $0) }, shape.server, keys: 20_000)
        }
    }

    @Test("cluster: each node's cursor (per-slot where the server keeps a table per slot) and the cluster-wide cursor")
    func cluster() async throws {
        try await KeyspaceClusterFixture.with { fixture in
            let (cluster, client) = (fixture.cluster, fixture.client)
            // 20,000 spread keys and 3,000 with one hash tag: one slot holding a quarter of its node's keys.
            try await fixture.fill((0..<20_000).map { RedisCommand("SET", "k:\($0)", "v") } + (0..<3000).map { RedisCommand("SET", "{hot}:\($0)", "v") })
            let total = Int(try #require(try await client.pipeline([RedisCommand("DBSIZE")])[0].int))
            #expect(total == 23_000)
            for node in cluster.primaries {
                let connection = try await RedisConnection.connect(ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: node.port)))
                let (shape, _) = try await ScanShapeProbe.node(connection)
                #expect(shape.clusterEnabled)
                #expect(shape.layout == Self.expectedLayout(shape), "\(shape.server): probed \(shape.layout)")
                #expect(shape.slots == Array(node.slots!))
                let size = Int(try await connection.send(RedisCommand("DBSIZE")).int ?? 0)
                if shape.layout != .singleTable {
                    #expect(shape.keysPerSlot.reduce(0, +) == size, "the slots' counts add up to DBSIZE")
                }
                let progress = NodeScanProgress(shape: shape)
                Self.check(try await Self.walk(connection, total: size) { progress.visitedFraction(afterReturning: $0) }, "\(shape.server) cluster node \(node.port) (\(shape.layout))", keys: size)
                await connection.close()
            }
            let (model, _) = try await ScanShapeProbe.walk(client)
            guard case .cluster(let whole) = model else {
                Issue.record("a ClusterClient is probed as a cluster")
                return
            }
            #expect(whole.keys.reduce(0, +) == total)
            // Each shard is walked alone: the tolerance of the smallest shard holds for the whole.
            Self.check(try await Self.walk(client, total: total) { whole.visitedFraction(afterReturning: $0) }, "cluster-wide cursor", keys: total / 3)

            // The scanner fills visitedFraction on the cluster too, and reaches 1.
            let scanner = KeyspaceScanner(scanConnection: client, policy: ScanLoadPolicy(maxCount: 200, maxCommandsPerSecond: nil, useLookupScript: false))
            await scanner.start()
            await scanner.waitUntilDone()
            #expect(await scanner.progress.visitedFraction == 1)
        }
    }

    @Test("the scanner: a scan stopped part way reports the share behind its cursor, a finished one 1")
    func scanner() async throws {
        try TestServerBinary.prepare()
        try await RedisFixture.with { redis in
            try await redis.run((0..<20_000).map { RedisCommand("SET", "k:\($0)", "v") })
            let lookups = try await redis.connect()
            let scanner = KeyspaceScanner(
                scanConnection: redis.connection, lookupConnections: [lookups],
                policy: ScanLoadPolicy(maxCount: 200, maxCommandsPerSecond: 20_000))
            await scanner.start()
            let deadline = ContinuousClock.now + .seconds(60)
            while await scanner.progress.keysIndexed < 7000, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
            await scanner.cancel()
            await scanner.waitUntilDone()
            let stopped = await scanner.progress
            let fraction = try #require(stopped.visitedFraction)
            // The fraction is the share the keys whose lookups are back stand for (those in the view).
            let seen = Double(stopped.keysLookedUp) / Double(stopped.expectedKeys)
            #expect(seen < 0.9, "the ceiling kept the scan from finishing first")
            #expect(abs(fraction - seen) <= 0.03, "cursor \(fraction), keys looked up \(seen) (COUNT up to 200: one SCAN is 1%)")
            await scanner.start()
            await scanner.waitUntilDone()
            #expect(await scanner.progress.visitedFraction == 1)
            #expect(await scanner.progress.phase == .finished)
            await lookups.close()
        }
    }
}
