import Foundation
import RESP
import RedisClient
import Testing

@testable import Inspector

@Suite(.timeLimit(.minutes(2))) struct KeyInspectorRedisTests {
    @Test func detailAndFirstPageOfEveryType() async throws {
        try await RedisFixture.with { redis in
            try await redis.run([
                RedisCommand("SET", "s", "{\"id\":1,\"name\":\"Ada\"}", "EX", 100),
                RedisCommand("HSET", "h", "f1", "v1", "f2", "v2"),
                RedisCommand("RPUSH", "l", "a", "b", "c"),
                RedisCommand("SADD", "set", "x", "y"),
                RedisCommand("ZADD", "z", 1.5, "one", 2, "two"),
                RedisCommand("XADD", "x", "1-1", "op", "invalidate", "key", "user:1"),
            ])
            let inspector = KeyInspector(connection: redis.connection)

            let s = try #require(try await inspector.detail(of: Array("s".utf8), expectedType: .string))
            let json = Array("{\"id\":1,\"name\":\"Ada\"}".utf8)
            #expect(s.type == .string && s.encoding == "embstr" && s.length == Int64(json.count))
            #expect(s.ttl.remainingMilliseconds(at: wallClockMilliseconds()).map { $0 > 90_000 } == true)
            #expect((s.memory ?? 0) > 0)
            #expect(s.idleSeconds != nil && s.lfuFrequency == nil)
            let sp = try await inspector.page(of: Array("s".utf8), type: .string)
            guard case .string(let bytes, 0, json.count, .json) = sp.content else {
                Issue.record("\(sp.content)")
                return
            }
            #expect(bytes == Array("{\"id\":1,\"name\":\"Ada\"}".utf8))
            #expect(sp.next == nil)

            let h = try #require(try await inspector.detail(of: Array("h".utf8)))
            #expect(h.type == .hash && h.length == 2 && h.ttl == .persistent && h.encoding == "listpack")
            let hp = try await inspector.page(of: Array("h".utf8), type: .hash)
            #expect(
                hp.content
                    == .hash([
                        HashField(field: Array("f1".utf8), value: Array("v1".utf8)),
                        HashField(field: Array("f2".utf8), value: Array("v2".utf8)),
                    ]))

            let l = try #require(try await inspector.detail(of: Array("l".utf8), expectedType: .set))  // wrong hint
            #expect(l.type == .list && l.length == 3)
            let lp = try await inspector.page(of: Array("l".utf8), type: .list)
            #expect(lp.content == .list(elements: ["a", "b", "c"].map { Array($0.utf8) }, startIndex: 0))

            #expect(try await inspector.detail(of: Array("set".utf8))?.length == 2)
            let setp = try await inspector.page(of: Array("set".utf8), type: .set)
            guard case .set(let members) = setp.content else {
                Issue.record("\(setp.content)")
                return
            }
            #expect(Set(members) == [Array("x".utf8), Array("y".utf8)])

            #expect(try await inspector.detail(of: Array("z".utf8))?.length == 2)
            let zp = try await inspector.page(of: Array("z".utf8), type: .zset)
            #expect(
                zp.content
                    == .zset(
                        members: [
                            ScoredMember(member: Array("one".utf8), score: 1.5),
                            ScoredMember(member: Array("two".utf8), score: 2),
                        ], startIndex: 0))

            let x = try #require(try await inspector.detail(of: Array("x".utf8)))
            #expect(x.type == .stream && x.length == 1)
            let xp = try await inspector.page(of: Array("x".utf8), type: .stream)
            #expect(
                xp.content
                    == .stream([
                        StreamEntry(
                            id: Array("1-1".utf8),
                            fields: [
                                HashField(field: Array("op".utf8), value: Array("invalidate".utf8)),
                                HashField(field: Array("key".utf8), value: Array("user:1".utf8)),
                            ])
                    ]))

            #expect(try await inspector.detail(of: Array("nope".utf8)) == nil)
            #expect(try await inspector.page(of: Array("nope".utf8), type: .string).content == .missing)
            #expect(try await inspector.page(of: Array("nope".utf8), type: .hash).content == .missing)
        }
    }

    @Test func lfuPolicyReportsFrequencyInsteadOfIdleTime() async throws {
        try await RedisFixture.with(["--maxmemory-policy", "allkeys-lfu"]) { redis in
            _ = try await redis.send("SET", "k", "v")
            let detail = try #require(try await KeyInspector(connection: redis.connection).detail(of: Array("k".utf8)))
            #expect(detail.lfuFrequency != nil)
            #expect(detail.idleSeconds == nil)
        }
    }

    @Test func pagingBigAggregatesCoversEveryMemberOnce() async throws {
        try await RedisFixture.with { redis in
            let n = 20_000
            var commands: [RedisCommand] = []
            for chunk in stride(from: 0, to: n, by: 500) {
                let range = chunk..<min(chunk + 500, n)
                var hash: [any RedisArgument] = ["bigh"]
                var list: [any RedisArgument] = ["bigl"]
                var set: [any RedisArgument] = ["bigs"]
                var zset: [any RedisArgument] = ["bigz"]
                for i in range {
                    hash += ["f\(i)", "v\(i)"]
                    list.append("e\(i)")
                    set.append("m\(i)")
                    zset += [i, "z\(i)"]
                }
                commands.append(RedisCommand("HSET", arguments: hash))
                commands.append(RedisCommand("RPUSH", arguments: list))
                commands.append(RedisCommand("SADD", arguments: set))
                commands.append(RedisCommand("ZADD", arguments: zset))
                for i in range { commands.append(RedisCommand("XADD", "bigx", "1-\(i + 1)", "i", i)) }
            }
            try await redis.run(commands)
            let inspector = KeyInspector(connection: redis.connection, pageSize: ValuePageSize(elements: 700))

            func all(_ key: String, _ type: RedisKeyType) async throws -> (items: [[UInt8]], pages: Int) {
                var items: [[UInt8]] = []
                var cursor = ValueCursor.start
                var pages = 0
                while true {
                    let page = try await inspector.page(of: Array(key.utf8), type: type, from: cursor)
                    pages += 1
                    switch page.content {
                    case .hash(let f):
                        items += f.map { $0.field }
                        #expect(f.allSatisfy { $0.value.dropFirst() == $0.field.dropFirst() })
                    case .list(let e, let start):
                        #expect(start == items.count)
                        items += e
                    case .set(let m): items += m
                    case .zset(let m, _):
                        items += m.map { $0.member }
                        #expect(m.allSatisfy { "z\(Int($0.score))" == String(decoding: $0.member, as: UTF8.self) })
                    case .stream(let e): items += e.map { $0.id }
                    default: Issue.record("unexpected \(page.content)")
                    }
                    guard let next = page.next else { break }
                    cursor = next
                }
                return (items, pages)
            }
            for (key, type) in [("bigh", RedisKeyType.hash), ("bigl", .list), ("bigs", .set), ("bigz", .zset), ("bigx", .stream)] {
                let (items, pages) = try await all(key, type)
                #expect(Set(items).count == n, "\(key): every member")
                if type == .list || type == .zset || type == .stream {
                    #expect(items.count == n, "\(key): exactly once")
                    #expect(pages == 29, "\(key): 20000 / 700 pages")
                } else {
                    #expect(pages > 1, "\(key): paged")
                }
            }
            let zOrder = try await all("bigz", .zset).items
            #expect(zOrder.first == Array("z0".utf8) && zOrder.last == Array("z19999".utf8))
        }
    }

    @Test func bigStringOpensOnItsFirstPage() async throws {
        try await RedisFixture.with { redis in
            let size = 8 * 1024 * 1024
            _ = try await redis.send("SETRANGE", "big", size - 1, "z")  // 8 MiB, zero-filled
            _ = try await redis.send("SETRANGE", "big", 0, "header")
            let inspector = KeyInspector(connection: redis.connection)
            let first = try await inspector.page(of: Array("big".utf8), type: .string)
            guard case .string(let bytes, 0, size, _) = first.content else {
                Issue.record("\(first.content)")
                return
            }
            #expect(bytes.count == 64 * 1024)
            #expect(bytes.prefix(6) == ArraySlice("header".utf8))
            #expect(first.next == .offset(64 * 1024))
            let last = try await inspector.page(of: Array("big".utf8), type: .string, from: .offset(size - 10))
            guard case .string(let tail, let offset, _, _) = last.content else {
                Issue.record("\(last.content)")
                return
            }
            #expect(offset == size - 10 && tail.count == 10 && tail.last == UInt8(ascii: "z"))
            #expect(last.next == nil)
            #expect(try await inspector.detail(of: Array("big".utf8))?.length == Int64(size))
        }
    }

    @Test func binaryAndEscapeKeysRoundTrip() async throws {
        try await RedisFixture.with { redis in
            let binary: [UInt8] = [0xFF, 0x00, 0x1B]
            let escape = Array("evil:\u{1b}[2J\u{1b}]0;pwn\u{07}".utf8)
            try await redis.run([
                RedisCommand("SET", binary, [UInt8]([0x00, 0xFE, 0x80])),
                RedisCommand("HSET", escape, "f", "\u{1b}[31mred"),
            ])
            let scanner = KeyspaceScanner(scanConnection: redis.connection, policy: ScanLoadPolicy(maxCommandsPerSecond: nil))
            await scanner.start()
            await scanner.waitUntilDone()
            let view = await scanner.view
            let entries = view.flatList().page(offset: 0, limit: 10)
            #expect(Set(entries.map(\.key)) == [binary, escape])
            let inspector = KeyInspector(connection: redis.connection)
            for entry in entries {
                let detail = try #require(try await inspector.detail(of: entry.key, expectedType: entry.type))
                #expect(detail.key == entry.key)
                let page = try await inspector.page(of: entry.key, type: detail.type)
                if entry.key == binary {
                    #expect(page.content == .string(bytes: [0x00, 0xFE, 0x80], offset: 0, totalLength: 3, encoding: .binary))
                } else {
                    #expect(page.content == .hash([HashField(field: Array("f".utf8), value: Array("\u{1b}[31mred".utf8))]))
                }
            }
            #expect(try await scanner.refresh(binary)?.type == .string)
        }
    }
}
