import Foundation
import NIOCore
import RESP
import RedisClient
import Testing

@testable import Inspector

@Suite(.timeLimit(.minutes(2))) struct KeyspaceScannerTests {
    /// A small cache world: users (hashes, no TTL), sessions (strings with TTL), carts (lists),
    /// leaderboards, tags, an event stream, a binary key and an escape-sequence key.
    static func seed(_ redis: RedisFixture, users: Int = 300) async throws {
        var commands: [RedisCommand] = []
        for i in 0..<users {
            commands.append(RedisCommand("HSET", "user:\(i)", "name", "User \(i)", "plan", i % 2 == 0 ? "pro" : "free"))
            commands.append(RedisCommand("SET", "session:\(i)", "{\"user\":\(i)}", "EX", 3600))
            if i % 3 == 0 { commands.append(RedisCommand("RPUSH", "cart:\(i)", "sku-1", "sku-2")) }
        }
        commands.append(RedisCommand("ZADD", "leaderboard:global", 10, "ada", 20, "bob"))
        commands.append(RedisCommand("SADD", "tags:all", "a", "b", "c"))
        commands.append(RedisCommand("XADD", "events:cache", "*", "op", "invalidate"))
        commands.append(RedisCommand("SET", [UInt8]([0xFF, 0x00, 0x1B]), "binary"))
        commands.append(RedisCommand("SET", "evil:\u{1b}[2J\u{1b}]0;pwn\u{07}", "escape"))
        try await redis.run(commands)
    }

    static func finish(_ scanner: KeyspaceScanner) async -> KeyspaceScanUpdate {
        await scanner.waitUntilDone()
        return KeyspaceScanUpdate(view: await scanner.view, progress: await scanner.progress, generation: 0)
    }

    @Test func indexesEveryKeyWithTypeTTLAndMemory() async throws {
        try await RedisFixture.with { redis in
            try await Self.seed(redis)
            let lookups = try await redis.connect()
            let scanner = KeyspaceScanner(
                scanConnection: redis.connection, lookupConnections: [lookups],
                policy: ScanLoadPolicy(maxCount: 100, maxCommandsPerSecond: nil))
            await scanner.start()
            let done = await Self.finish(scanner)
            await lookups.close()
            #expect(done.progress.phase == .finished)
            let expected = try await redis.scanKeys()
            #expect(done.view.count == expected.count)
            #expect(done.progress.keysIndexed == expected.count)
            #expect(done.progress.expectedKeys == expected.count)
            let index = done.view.index
            for key in expected { #expect(index.find(key).map(index.isLive) == true, "\(key)") }

            let user = try #require(index.find(Array("user:7".utf8)))
            #expect(index.type(user) == .hash)
            #expect(index.ttl(user) == .persistent)
            #expect(index.memoryUsage(user) > 0)
            let session = try #require(index.find(Array("session:7".utf8)))
            #expect(index.type(session) == .string)
            let remaining = index.ttl(session).remainingMilliseconds(at: wallClockMilliseconds())
            #expect(remaining.map { $0 > 3_500_000 && $0 <= 3_600_000 } == true)
            #expect(index.type(try #require(index.find(Array("events:cache".utf8)))) == .stream)
            #expect(index.type(try #require(index.find(Array("leaderboard:global".utf8)))) == .zset)
            #expect(index.type(try #require(index.find([0xFF, 0x00, 0x1B]))) == .string)
            #expect(index.find(Array("evil:\u{1b}[2J\u{1b}]0;pwn\u{07}".utf8)) != nil)
        }
    }

    @Test func treeTotalsEqualWhatRedisHolds() async throws {
        try await RedisFixture.with { redis in
            try await Self.seed(redis)
            let scanner = KeyspaceScanner(scanConnection: redis.connection, policy: ScanLoadPolicy(maxCommandsPerSecond: nil))
            await scanner.start()
            let view = await Self.finish(scanner).view
            for node in view.children(of: []) where node.isFolder {
                let name = String(decoding: node.name, as: UTF8.self)
                let keys = try await redis.scanKeys(matching: name + ":*")
                #expect(node.keyCount == keys.count, "\(name)")
                var memory: Int64 = 0
                var persistent = 0
                for key in keys {
                    let replies = try await redis.connection.pipeline([
                        RedisCommand(arguments: [Array("MEMORY".utf8), Array("USAGE".utf8), key, Array("SAMPLES".utf8), Array("5".utf8)]),
                        RedisCommand(arguments: [Array("PTTL".utf8), key]),
                    ])
                    memory += replies[0].int ?? 0
                    if replies[1].int == -1 { persistent += 1 }
                }
                #expect(node.memory == UInt64(memory), "\(name)")
                #expect(node.persistentCount == persistent, "\(name)")
            }
            #expect(view.children(of: Array("user:".utf8)).count == 300)
            let filtered = view.filtered(by: KeyFilter(pattern: GlobPattern("cart:*"), types: [.list]))
            #expect(filtered.count == 100)
        }
    }

    @Test("MEMORY USAGE: no SAMPLES argument at the server's default of 5, SAMPLES n otherwise")
    func memorySamplesReachTheServer() async throws {
        #expect(KeyLookup.memoryOptions(samples: 5).isEmpty)
        #expect(KeyLookup.memoryOptions(samples: 0) == [Array("SAMPLES".utf8), Array("0".utf8)])
        try await RedisFixture.with { redis in
            // Sets of 200 members: sampling 5 of them and counting all 200 give different sizes.
            var commands: [RedisCommand] = []
            for i in 0..<20 {
                commands.append(
                    RedisCommand(
                        arguments: [Array("SADD".utf8), Array("big:\(i)".utf8)]
                            + (0..<200).map { Array("member-\($0)-\(String(repeating: "x", count: $0 % 37))".utf8) }))
            }
            try await redis.run(commands)
            for samples in [5, 0] {
                let scanner = KeyspaceScanner(
                    scanConnection: redis.connection,
                    policy: ScanLoadPolicy(maxCommandsPerSecond: nil, memorySamples: samples))
                await scanner.start()
                let view = await Self.finish(scanner).view
                var expected: UInt64 = 0
                for i in 0..<20 {
                    let reply = try await redis.connection.send(RedisCommand("MEMORY", "USAGE", "big:\(i)", "SAMPLES", samples))
                    expected += UInt64(reply.int ?? 0)
                }
                let indexed = view.children(of: []).first { String(decoding: $0.name, as: UTF8.self) == "big" }?.memory
                #expect(indexed == expected, "SAMPLES \(samples)")
            }
        }
    }

    @Test func matchAndTypeGoToTheServer() async throws {
        try await RedisFixture.with { redis in
            try await Self.seed(redis)
            let scanner = KeyspaceScanner(scanConnection: redis.connection, policy: ScanLoadPolicy(maxCommandsPerSecond: nil))
            await scanner.start(filter: KeyFilter(pattern: GlobPattern("user:1*")))
            let view = await Self.finish(scanner).view
            #expect(view.count == (try await redis.scanKeys(matching: "user:1*")).count)
            await scanner.start(filter: KeyFilter(types: [.list]))
            let lists = await Self.finish(scanner).view
            #expect(lists.count == 100)
        }
    }

    @Test func refreshCorrectsVanishedChangedAndNewKeys() async throws {
        try await RedisFixture.with { redis in
            try await Self.seed(redis, users: 10)
            let scanner = KeyspaceScanner(scanConnection: redis.connection, policy: ScanLoadPolicy(maxCommandsPerSecond: nil))
            await scanner.start()
            let before = await Self.finish(scanner).view
            _ = try await redis.send("DEL", "user:3")
            _ = try await redis.send("EXPIRE", "user:4", 100)
            _ = try await redis.send("SET", "fresh", "x")
            #expect(try await scanner.refresh(Array("user:3".utf8)) == nil)
            let changed = try #require(try await scanner.refresh(Array("user:4".utf8)))
            #expect(changed.type == .hash)
            #expect(changed.ttl != .persistent)
            #expect(try await scanner.refresh(Array("fresh".utf8))?.type == .string)
            let after = await scanner.view
            #expect(after.count == before.count)  // one gone, one new
            #expect(after.index.find(Array("user:3".utf8)).map(after.index.isLive) == false)
            #expect(after.summary(ofPrefix: Array("user:".utf8)).keys == 9)
            #expect(before.summary(ofPrefix: Array("user:".utf8)).keys == 10, "old snapshots stay as they were")
        }
    }

    @Test func rateCeilingHolds() async throws {
        try await RedisFixture.with { redis in
            var commands: [RedisCommand] = []
            for i in 0..<5000 { commands.append(RedisCommand("SET", "k:\(i)", "v")) }
            try await redis.run(commands)
            _ = try await redis.send("CONFIG", "RESETSTAT")
            let ceiling = 3000.0
            let scanner = KeyspaceScanner(
                scanConnection: redis.connection,
                policy: ScanLoadPolicy(maxCount: 100, maxCommandsPerSecond: ceiling))
            let started = ContinuousClock.now
            await scanner.start()
            try await Task.sleep(for: .seconds(1.5))
            await scanner.cancel()
            await scanner.waitUntilDone()
            let elapsed = KeyspaceScanner.seconds(ContinuousClock.now - started)
            let info = try #require(try await redis.send("INFO", "commandstats").string)
            var total = 0
            for name in ["scan", "type", "pttl", "memory|usage", "memory", "dbsize", "ping", "eval"] {
                if let line = info.split(separator: "\r\n").first(where: { $0.hasPrefix("cmdstat_\(name):") }),
                    let calls = line.split(separator: "=").dropFirst().first?.split(separator: ",").first
                {
                    total += Int(calls) ?? 0
                }
            }
            let progress = await scanner.progress
            #expect(progress.phase == .cancelled)
            #expect(total > 0)
            // Ceiling × time plus the bucket's burst and one batch that may be in flight.
            #expect(Double(total) <= ceiling * elapsed + ceiling / 10 + 300 + 10, "sent \(total) in \(elapsed) s")
            #expect(progress.keysLookedUp < 5000, "the ceiling must have slowed the scan")
        }
    }
}

@Suite(.timeLimit(.minutes(1))) struct KeyLookupPathTests {
    /// The pipelined path (scripting off) indexes the same as the scripted one.
    @Test func plainPipelinesMatchTheScript() async throws {
        try await RedisFixture.with { redis in
            try await KeyspaceScannerTests.seed(redis, users: 50)
            var views: [KeyspaceView] = []
            for script in [true, false] {
                let scanner = KeyspaceScanner(
                    scanConnection: redis.connection,
                    policy: ScanLoadPolicy(maxCommandsPerSecond: nil, useLookupScript: script))
                await scanner.start()
                await scanner.waitUntilDone()
                views.append(await scanner.view)
            }
            let a = views[0].flatList().page(offset: 0, limit: 1000)
            let b = views[1].flatList().page(offset: 0, limit: 1000)
            #expect(a.count == b.count && a.count > 100)
            #expect(a.map(\.key) == b.map(\.key))
            #expect(a.map(\.type) == b.map(\.type))
            #expect(a.map(\.memory) == b.map(\.memory))
            #expect(a.allSatisfy { $0.type != .unknown && $0.ttl != .unknown })
        }
    }
}
