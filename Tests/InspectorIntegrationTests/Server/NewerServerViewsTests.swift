import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

/// The newer servers' own commands, read against the server under test: each test checks the
/// view where the server has the feature, and that the feature is reported absent where it has not
/// (so every server of the matrix runs every test; none is skipped).
@Suite("Newer servers' views: features, field TTLs, streams, vector sets, COMMANDLOG", .timeLimit(.minutes(1)))
struct NewerServerViewsTests {
    let binary: ServerBinary

    init() throws {
        binary = try ServerBinary.current()
    }

    var isValkey: Bool { binary.name == "valkey" }

    @Test("COMMAND INFO tells which optional commands the server has")
    func features() async throws {
        try await RedisFixture.with { fixture in
            let features = try await ServerFeatures.detect(fixture.connection)
            #expect(features.hashFieldTTLs == (isValkey ? binary.isAtLeast(9) : binary.isAtLeast(7, 4)), "\(binary)")
            #expect(features.commandLog == (isValkey && binary.isAtLeast(8, 1)), "\(binary)")
            #expect(features.slotStats == (isValkey ? binary.isAtLeast(8) : binary.isAtLeast(8, 2)), "\(binary)")
            #expect(features.vectorSets == (!isValkey && binary.isAtLeast(8)), "\(binary)")
        }
    }

    @Test("hash field TTLs are read for a page of fields; without the feature the server refuses HPEXPIRETIME")
    func hashFieldTTLs() async throws {
        try await RedisFixture.with { fixture in
            let key = Array("session:fields".utf8)
            try await fixture.run([RedisCommand("HSET", "session:fields", "token", "t", "user", "u", "seen", "s")])
            guard try await ServerFeatures.detect(fixture.connection).hashFieldTTLs else {
                await #expect(throws: KeyspaceError.self) {
                    _ = try await HashFieldTTLs.read(fixture.connection, key: key, fields: [Array("token".utf8)])
                }
                return
            }
            try await fixture.run([RedisCommand("HPEXPIRE", "session:fields", 60_000, "FIELDS", 1, "token")])
            let before = wallClockMilliseconds()
            let page = try await HashFieldTTLs.page(KeyInspector(connection: fixture.connection), of: key)
            #expect(page.fields.count == 3)
            for (field, ttl) in zip(page.fields, page.ttls) {
                if field.field == Array("token".utf8) {
                    guard case .expires(let at)? = ttl else {
                        Issue.record("token has no deadline: \(String(describing: ttl))")
                        continue
                    }
                    #expect(at > before + 50_000 && at <= before + 61_000)
                } else {
                    #expect(ttl == .persistent)
                }
            }
            #expect(page.soonestExpiry != nil)
            let gone = try await HashFieldTTLs.read(fixture.connection, key: key, fields: [Array("nope".utf8)])
            #expect(gone == [nil])
        }
    }

    @Test("a stream's summary: length, first and last entries, groups with their pending counts")
    func streamSummary() async throws {
        try await RedisFixture.with { fixture in
            let key = Array("events:orders".utf8)
            try await fixture.run(
                (1...5).map { RedisCommand("XADD", "events:orders", "\($0)-0", "order", "o\($0)") }
                    + [RedisCommand("XGROUP", "CREATE", "events:orders", "billing", "0"), RedisCommand("XGROUP", "CREATE", "events:orders", "mail", "$")])
            _ = try await fixture.connection.send(RedisCommand("XREADGROUP", "GROUP", "billing", "worker-1", "COUNT", 2, "STREAMS", "events:orders", ">"))
            let summary = try #require(try await StreamSummary.read(fixture.connection, key: key))
            #expect(summary.length == 5)
            #expect(summary.firstEntry?.id == Array("1-0".utf8))
            #expect(summary.firstEntry?.fields == [HashField(field: Array("order".utf8), value: Array("o1".utf8))])
            #expect(summary.lastEntry?.id == Array("5-0".utf8))
            #expect(summary.lastGeneratedID == Array("5-0".utf8))
            let groups = Dictionary(uniqueKeysWithValues: summary.groups.map { (String(decoding: $0.name, as: UTF8.self), $0) })
            #expect(groups["billing"]?.pending == 2)
            #expect(groups["billing"]?.consumers == 1)
            #expect(groups["mail"]?.pending == 0)
            #expect(try await StreamSummary.read(fixture.connection, key: Array("events:none".utf8)) == nil)
        }
    }

    @Test("a vector set's summary: size, dimension, VINFO and a page of members; refused where there are none")
    func vectorSetSummary() async throws {
        try await RedisFixture.with { fixture in
            let key = Array("embeddings:products".utf8)
            guard try await ServerFeatures.detect(fixture.connection).vectorSets else {
                await #expect(throws: KeyspaceError.self) { _ = try await VectorSetSummary.read(fixture.connection, key: key) }
                return
            }
            try await fixture.run((1...30).map { RedisCommand("VADD", "embeddings:products", "VALUES", 3, Double($0), 1.0, 0.5, "product:\($0)") })
            let type = try await fixture.connection.send(RedisCommand("TYPE", "embeddings:products"))
            #expect(type.string == "vectorset")
            let summary = try #require(try await VectorSetSummary.read(fixture.connection, key: key, pageSize: 10))
            #expect(summary.cardinality == 30)
            #expect(summary.dimension == 3)
            #expect(summary.members.count == 10)
            #expect(summary.members.allSatisfy { String(decoding: $0, as: UTF8.self).hasPrefix("product:") })
            #expect(summary.info.contains { $0.name == "quant-type" })
            #expect(try await VectorSetSummary.read(fixture.connection, key: Array("embeddings:none".utf8)) == nil)
        }
    }

    @Test("COMMANDLOG: slow, large-request and large-reply entries on Valkey 8.1+; refused elsewhere")
    func commandLog() async throws {
        let arguments =
            isValkey && binary.isAtLeast(8, 1)
            ? ["--commandlog-execution-slower-than", "0", "--commandlog-request-larger-than", "100", "--commandlog-reply-larger-than", "100"]
            : []
        try await RedisFixture.with(arguments) { fixture in
            guard try await ServerFeatures.detect(fixture.connection).commandLog else {
                await #expect(throws: KeyspaceError.self) { _ = try await CommandLog.fetch(from: fixture.connection) }
                return
            }
            let big = String(repeating: "x", count: 500)
            try await fixture.run([RedisCommand("SET", "page:home", big)])
            _ = try await fixture.connection.send(RedisCommand("GET", "page:home"))
            let log = try await CommandLog.fetch(from: fixture.connection)
            #expect(log.entries[.slow]?.isEmpty == false)
            let request = try #require(log.entries[.largeRequest]?.first { $0.commandName == "SET" })
            #expect(request.durationMicroseconds > 500)
            let reply = try #require(log.entries[.largeReply]?.first { $0.commandName == "GET" })
            #expect(reply.durationMicroseconds >= 500)
        }
    }
}
