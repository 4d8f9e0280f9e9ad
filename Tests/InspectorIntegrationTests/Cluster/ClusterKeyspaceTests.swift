import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

@Suite("Keyspace and mutations over a cluster", .serialized, InspectorSharedCluster(), .timeLimit(.minutes(1)))
struct ClusterKeyspaceTests {
    /// Every key matching `pattern` in the cluster (SCAN over every primary).
    static func keys(_ client: ClusterClient, _ pattern: String) async throws -> Set<[UInt8]> {
        var found = Set<[UInt8]>()
        var cursor: [UInt8] = Array("0".utf8)
        repeat {
            let reply = try await client.pipeline([RedisCommand(arguments: [Array("SCAN".utf8), cursor, Array("MATCH".utf8), Array(pattern.utf8), Array("COUNT".utf8), Array("500".utf8)])])[0]
            let parts = try #require(reply.array)
            cursor = try #require(parts[0].bytes)
            for key in try #require(parts[1].array) { found.insert(try #require(key.bytes)) }
        } while cursor != Array("0".utf8)
        return found
    }

    @Test("one scanner over every primary indexes the whole cluster with types and TTLs")
    func scanAllPrimaries() async throws {
        let client = try await InspectorSharedCluster.client()
        defer { Task { await client.close() } }
        var commands: [RedisCommand] = []
        for i in 0..<400 {
            commands.append(RedisCommand("SET", "user:\(i)", "{\"id\":\(i)}", "EX", 3600))
            if i % 4 == 0 { commands.append(RedisCommand("HSET", "profile:\(i)", "name", "n\(i)")) }
        }
        commands.append(RedisCommand("ZADD", "leaderboard:score", 1, "a"))
        _ = try await client.pipeline(commands)
        let total = try #require(try await client.pipeline([RedisCommand("DBSIZE")])[0].int)
        #expect(total == 501)
        let perPrimary = try await client.forEachPrimary { _, connection in try await connection.send(RedisCommand("DBSIZE")).int ?? 0 }
        #expect(perPrimary.count == 3 && perPrimary.allSatisfy { $0 > 0 })

        // As the dashboard does in cluster mode: the lookup script would meet CROSSSLOT.
        let scanner = KeyspaceScanner(scanConnection: client, policy: ScanLoadPolicy(maxCount: 100, maxCommandsPerSecond: nil, useLookupScript: false))
        await scanner.start()
        await scanner.waitUntilDone()
        let progress = await scanner.progress
        let view = await scanner.view
        #expect(progress.phase == .finished)
        #expect(progress.expectedKeys == 501)
        #expect(view.count == 501)
        #expect(view.persistentCount == 101)  // the hashes and the sorted set have no TTL
        #expect(progress.keysLookedUp == 501)
        let entry = try #require(try await scanner.refresh(Array("leaderboard:score".utf8)))
        #expect(entry.type == .zset)
    }

    @Test("read_from_replicas: the index is built from replicas only, with every key and its type")
    func scanFromReplicas() async throws {
        let cluster = try #require(InspectorSharedCluster.current)
        let client = try await InspectorSharedCluster.client()
        defer { Task { await client.close() } }
        _ = try await client.pipeline(
            (0..<300).map { RedisCommand("SET", "replica:read:\($0)", "v", "EX", 600) }
                + (0..<30).map { RedisCommand("HSET", "replica:hash:\($0)", "f", "v") })
        // Replication is asynchronous: wait until each primary's writes are on its replica.
        _ = try await client.forEachPrimary { _, connection in try await connection.send(RedisCommand("WAIT", 1, 5000)) }
        let nodes = cluster.primaries + (0..<cluster.primaries.count).flatMap { cluster.replicas(ofPrimary: $0) }
        for node in nodes {
            let connection = try await RedisConnection.connect(ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: node.port)))
            _ = try await connection.send(RedisCommand("CONFIG", "RESETSTAT"))
            await connection.close()
        }

        let scanner = KeyspaceScanner(
            scanConnection: ClusterReplicaReads(client),
            policy: ScanLoadPolicy(maxCount: 100, maxCommandsPerSecond: nil, useLookupScript: false))
        await scanner.start(filter: KeyFilter(pattern: GlobPattern(Array("replica:*".utf8))))
        await scanner.waitUntilDone()
        let view = await scanner.view
        #expect(await scanner.progress.phase == .finished)
        #expect(view.count == 330)
        #expect(view.persistentCount == 30)

        // Who did the work: every replica scanned and looked keys up; no primary did.
        func calls(_ port: Int, _ command: String) async throws -> Int {
            let connection = try await RedisConnection.connect(ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: port)))
            defer { Task { await connection.close() } }
            let stats = try await connection.send(RedisCommand("INFO", "commandstats")).string ?? ""
            guard let line = stats.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("cmdstat_\(command):calls=") }) else { return 0 }
            return Int(line.dropFirst("cmdstat_\(command):calls=".count).prefix { $0.isNumber }) ?? 0
        }
        for primary in cluster.primaries {
            #expect(try await calls(primary.port, "scan") == 0)
            #expect(try await calls(primary.port, "type") == 0)
        }
        for index in cluster.primaries.indices {
            let replica = try #require(cluster.replicas(ofPrimary: index).first)
            #expect(try await calls(replica.port, "scan") > 0)
            #expect(try await calls(replica.port, "type") > 0)
        }
    }

    @Test("read_from_replicas: the cluster's sampled picture reads replicas only, and a walk to the end counts every key of every shard")
    func sampleFromReplicas() async throws {
        let cluster = try #require(InspectorSharedCluster.current)
        let client = try await InspectorSharedCluster.client()
        defer { Task { await client.close() } }
        _ = try await client.pipeline((0..<400).map { RedisCommand("SET", "picture:\($0 % 4):\($0)", "v") })
        _ = try await client.forEachPrimary { _, connection in try await connection.send(RedisCommand("WAIT", 1, 5000)) }
        var total = 0
        for primary in cluster.primaries {
            let connection = try await RedisConnection.connect(ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: primary.port)))
            total += Int(try await connection.send(RedisCommand("DBSIZE")).int ?? 0)
            _ = try await connection.send(RedisCommand("CONFIG", "RESETSTAT"))
            await connection.close()
        }
        let samples = try await KeyspaceSampler.sample(
            cluster: client, fromReplicas: true, until: ContinuousClock.now + .seconds(60), policy: ScanLoadPolicy(maxCommandsPerSecond: nil))
        let picture = KeyspaceEstimator(depth: 2).estimate(samples)
        #expect(picture.exact)
        #expect(picture.keys == Estimate(exact: Double(total)), "every shard's keys, from its replica")
        #expect(picture.prefixes.first { $0.prefix == Array("picture:".utf8) }?.keys == Estimate(exact: 400))
        for primary in cluster.primaries {
            let connection = try await RedisConnection.connect(ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: primary.port)))
            let stats = try await connection.send(RedisCommand("INFO", "commandstats")).string ?? ""
            await connection.close()
            #expect(!stats.contains("cmdstat_scan:"), "primary \(primary.port) was scanned")
        }
    }

    @Test("a pattern delete across shards deletes all and only the matching keys, and undo restores them")
    func patternDelete() async throws {
        let client = try await InspectorSharedCluster.client()
        defer { Task { await client.close() } }
        _ = try await client.pipeline(
            (0..<300).map { RedisCommand("SET", "bulk:del:\($0)", "v\($0)", "EX", 900) }
                + (0..<200).map { RedisCommand("SET", "bulk:keep:\($0)", "k") }
                + (0..<50).map { RedisCommand("SET", "bulkdel\($0)", "x") })
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-cluster-audit-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let service = MutationService(connection: client, node: "cluster", readOnly: false, auditLog: try AuditLog(path: directory + "/audit.log"))

        let plan = try await service.dryRun(GlobPattern("bulk:del:*"))
        #expect(plan.count == 300)
        #expect(plan.confirmationWord == "cluster/db0")
        let result = try await service.deleteMatching(plan, rate: 100_000, batchSize: 64)
        #expect(result.changed == 300)
        #expect(!result.aborted)
        #expect(try await Self.keys(client, "bulk:del:*").isEmpty)
        #expect(try await Self.keys(client, "bulk:keep:*").count == 200)
        #expect(try await Self.keys(client, "bulkdel*").count == 50)

        let undone = try #require(try await service.undo())
        #expect(undone.restored.count == 300)
        #expect(try await Self.keys(client, "bulk:del:*").count == 300)
        #expect(try await client.send(RedisCommand("GET", "bulk:del:7")).string == "v7")
        let ttl = try #require(try await client.send(RedisCommand("TTL", "bulk:del:7")).int)
        #expect(ttl > 0 && ttl <= 900)

        // Bulk expire by pattern, per primary too.
        let expirePlan = try await service.dryRun(GlobPattern("bulk:keep:*"))
        let expired = try await service.expireMatching(expirePlan, seconds: 500, jitter: 0, rate: 100_000)
        #expect(expired.changed == 200)
        let keepTTL = try #require(try await client.send(RedisCommand("TTL", "bulk:keep:3")).int)
        #expect(keepTTL > 0 && keepTTL <= 500)
    }

    @Test("single-key reads and changes go to the slot owner")
    func singleKeys() async throws {
        let client = try await InspectorSharedCluster.client()
        defer { Task { await client.close() } }
        _ = try await client.pipeline([RedisCommand("RPUSH", "recent_searches:user9", "a", "b", "c"), RedisCommand("SET", "config", "{}")])
        let inspector = KeyInspector(connection: client)
        let detail = try #require(try await inspector.detail(of: Array("recent_searches:user9".utf8), expectedType: .list))
        #expect(detail.type == .list)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-cluster-audit-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let service = MutationService(connection: client, node: "cluster", readOnly: false, auditLog: try AuditLog(path: directory + "/audit.log"))
        _ = try await service.expire(Array("config".utf8), seconds: 120)
        #expect(try await client.send(RedisCommand("TTL", "config")).int ?? 0 > 0)
        _ = try await service.persist(Array("config".utf8))
        #expect(try await client.send(RedisCommand("TTL", "config")).int == -1)
        let plan = try await service.prepareDelete([Array("config".utf8), Array("recent_searches:user9".utf8)])
        _ = try await service.delete(plan)
        #expect(try await client.pipeline([RedisCommand("EXISTS", "config", "recent_searches:user9")])[0].int == 0)
    }

    @Test("CLUSTER SLOT-STATS: the owner's top slots by key count name the busy hash tag's slot (Valkey 8, Redis 8.2); refused on older servers")
    func hotSlots() async throws {
        let binary = try ServerBinary.current()
        let client = try await InspectorSharedCluster.client()
        defer { Task { await client.close() } }
        let tag = "{hot-slot}"
        for index in 0..<40 { _ = try await client.send(RedisCommand("SET", "cart:\(tag):\(index)", index)) }
        let owner = try #require(await client.endpoint(forKey: Array(tag.utf8)))
        let connection = await client.connection(for: owner)
        guard binary.name == "valkey" ? binary.isAtLeast(8) : binary.isAtLeast(8, 2) else {
            await #expect(throws: KeyspaceError.self) { _ = try await SlotStats.fetch(from: connection) }
            return
        }
        let top = try await SlotStats.fetch(from: connection, orderBy: .keyCount, limit: 20)
        #expect(top.count <= 20)
        #expect(top.first?.slot == HashSlot.of(tag))
        #expect((top.first?.keyCount ?? 0) >= 40)
        #expect(zip(top, top.dropFirst()).allSatisfy { $0.keyCount >= $1.keyCount })
    }
}
