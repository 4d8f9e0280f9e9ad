import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

/// What the value view reads beyond pages, on the server under test: a hash page with its fields'
/// TTLs where the server has them, a stream's summary, a vector set's (Redis 8+), and what a
/// module type shows when its module is not there. Every server runs every test.
@Suite("Value summaries and hash pages with field TTLs", .timeLimit(.minutes(1)))
struct ValueSummaryTests {
    @Test("a hash page carries its fields' TTLs, in field order, where the server has field TTLs")
    func hashPageWithFieldTTLs() async throws {
        let binary = try ServerBinary.current()
        try await RedisFixture.with { redis in
            try await redis.run([RedisCommand("HSET", "session:7", "token", "t", "user", "u", "seen", "s")])
            let inspector = KeyInspector(connection: redis.connection)
            let key = Array("session:7".utf8)
            guard try await ServerFeatures.detect(redis.connection).hashFieldTTLs else {
                // The plain page carries none; the runtime never asks HPEXPIRETIME here.
                #expect(try await inspector.page(of: key, type: .hash).fieldTTLs == nil, "\(binary)")
                await #expect(throws: KeyspaceError.self, "\(binary)") { _ = try await HashFieldTTLs.valuePage(inspector, of: key) }
                return
            }
            try await redis.run([RedisCommand("HEXPIRE", "session:7", 120, "FIELDS", 1, "token")])
            let page = try await HashFieldTTLs.valuePage(inspector, of: key)
            guard case .hash(let fields) = page.content else { throw TestFailure("not a hash page: \(page.content)") }
            let ttls = try #require(page.fieldTTLs, "\(binary)")
            #expect(ttls.count == fields.count && fields.count == 3, "\(binary)")
            for (field, ttl) in zip(fields, ttls) {
                if field.field == Array("token".utf8) {
                    #expect(((ttl ?? nil)?.remainingMilliseconds(at: wallClockMilliseconds()) ?? 0) > 100_000, "\(binary)")
                } else {
                    #expect(ttl == .persistent, "\(binary)")
                }
            }
        }
    }

    @Test("a stream's summary from its first page: length, ends, groups with pending counts")
    func streamSummary() async throws {
        let binary = try ServerBinary.current()
        try await RedisFixture.with { redis in
            try await redis.run(
                (1...30).map { RedisCommand("XADD", "events:clicks", "\($0)-0", "page", "p\($0)") } + [RedisCommand("XGROUP", "CREATE", "events:clicks", "stats", "0")])
            _ = try await redis.connection.send(RedisCommand("XREADGROUP", "GROUP", "stats", "c1", "COUNT", 3, "STREAMS", "events:clicks", ">"))
            let inspector = KeyInspector(connection: redis.connection, pageSize: ValuePageSize(stringBytes: 1024, elements: 10))
            let first = try await inspector.page(of: Array("events:clicks".utf8), type: .stream)
            #expect(first.itemCount == 10 && first.next != nil, "\(binary): paged, never the whole stream")
            guard case .stream(let stream)? = try await ValueSummary.read(redis.connection, for: first, memory: nil) else { throw TestFailure("no stream summary") }
            #expect(stream.length == 30, "\(binary)")
            #expect(stream.firstEntry?.id == Array("1-0".utf8) && stream.lastEntry?.id == Array("30-0".utf8), "\(binary)")
            #expect(stream.groups.map(\.pending) == [3], "\(binary)")
            #expect(stream.groups.first?.lag == 27, "\(binary)")
        }
    }

    @Test("a vector set (Redis 8+) reads as a summary, not an error; a plain key has none")
    func vectorSetSummary() async throws {
        let binary = try ServerBinary.current()
        try await RedisFixture.with { redis in
            try await redis.run([RedisCommand("SET", "config", "x")])
            let inspector = KeyInspector(connection: redis.connection)
            #expect(try await ValueSummary.read(redis.connection, for: try await inspector.page(of: Array("config".utf8), type: .string), memory: 10) == nil)
            guard try await ServerFeatures.detect(redis.connection).vectorSets else {
                #expect(binary.name == "valkey" || !binary.isAtLeast(8), "\(binary) has vector sets but did not say so")
                return
            }
            try await redis.run((1...40).map { RedisCommand("VADD", "embeddings:docs", "VALUES", 4, Double($0), 0.5, 0.25, 1.0, "doc:\($0)") })
            let page = try await inspector.page(of: Array("embeddings:docs".utf8), type: .unknown)
            #expect(page.content == .unsupported("vectorset"), "\(binary)")
            guard case .vectorSet(let set)? = try await ValueSummary.read(redis.connection, for: page, memory: nil) else { throw TestFailure("no vector set summary") }
            #expect(set.cardinality == 40 && set.dimension == 4, "\(binary)")
            #expect(set.members.count == ValuePageSize.default.elements || set.members.count == 40, "\(binary): a page of members")
            #expect(Set(set.members).count == set.members.count, "\(binary)")
        }
    }

    @Test("a module type without its module: type name and memory, the module's refusal as a note, never an error")
    func moduleTypeWithoutModule() async throws {
        let binary = try ServerBinary.current()
        try await RedisFixture.with { redis in
            try await redis.run([RedisCommand("SET", "doc:1", "{\"a\":1}")])
            let key = Array("doc:1".utf8)
            let json = try await ModuleValue.read(redis.connection, key: key, typeName: ModuleValue.jsonTypeName, memory: 64)
            #expect(json.preview == nil, "\(binary)")
            #expect(json.previewNote?.lowercased().contains("unknown command") == true, "\(binary): \(json.previewNote ?? "no note")")
            let big = try await ModuleValue.read(redis.connection, key: key, typeName: ModuleValue.jsonTypeName, memory: 10_000_000)
            #expect(big.preview == nil && big.previewNote?.contains("64 KiB") == true, "\(binary): a big JSON value is never fetched")
            let other = try await ModuleValue.read(redis.connection, key: key, typeName: "graphdata", memory: 4096)
            #expect(other == ModuleValue(typeName: "graphdata", memory: 4096), "\(binary)")
        }
    }
}
