import Foundation
import NIOCore
import RESP
import RedisClient
import Testing

@testable import Inspector

/// The server pane's parsers against replies captured from a real redis-server.
@Suite struct ServerSnapshotTests {
    static let arguments = ["--slowlog-log-slower-than", "0", "--latency-monitor-threshold", "1", "--enable-debug-command", "yes"]

    @Test func slowlogClientsAndLatencyFromARealServer() async throws {
        try await RedisFixture.with(Self.arguments) { redis in
            let web = try await redis.connect()
            _ = try await web.send(RedisCommand("CLIENT", "SETNAME", "web-1"))
            _ = try await web.send(RedisCommand("SET", "user:1", "x"))
            _ = try await web.send(RedisCommand("DEBUG", "SLEEP", "0.03"))
            let snapshot = try await ServerSnapshot.fetch(from: redis.connection)
            #expect(snapshot.errors.isEmpty)

            let sleep = try #require(snapshot.slowlog.first { $0.commandName == "DEBUG" })
            #expect(sleep.arguments == [Array("DEBUG".utf8), Array("SLEEP".utf8), Array("0.03".utf8)])
            #expect(sleep.durationMicroseconds >= 30_000)
            #expect(sleep.clientName == Array("web-1".utf8))
            #expect(sleep.clientAddress?.hasPrefix("127.0.0.1:") == true)
            #expect(abs(sleep.time - Int64(Date().timeIntervalSince1970)) < 60)
            #expect(snapshot.slowlog.contains { $0.commandName == "SET" })
            #expect(snapshot.slowlog.count <= ServerSnapshot.slowlogLength)
            // Newest first, ids decreasing.
            #expect(snapshot.slowlog.map(\.id) == snapshot.slowlog.map(\.id).sorted(by: >))

            let client = try #require(snapshot.clients.first { $0.name == Array("web-1".utf8) })
            #expect(client.address.hasPrefix("127.0.0.1:"))
            #expect(client.lastCommand == "debug")
            #expect(client.database == 0)
            #expect(client.flags == "N")
            #expect(client.id > 0)
            #expect(snapshot.clients.count == 2)
            #expect(snapshot.clients.contains { $0.lastCommand == "client|list" })

            let command = try #require(snapshot.latency.first { $0.event == "command" })
            #expect(command.maxMilliseconds >= 30)
            #expect(command.latestMilliseconds >= 30)
            #expect(command.latestTime > 0)
            await web.close()
        }
    }

    /// The three reads of the pane plus the output-buffer limits, one call each.
    @Test func oneRefreshIsExactlyFourCommands() async throws {
        try await RedisFixture.with { redis in
            let observer = try await redis.connect()
            _ = try await observer.send(RedisCommand("CONFIG", "RESETSTAT"))
            _ = try await ServerSnapshot.fetch(from: redis.connection)
            let info = InfoSnapshot(parsing: try #require(try await observer.send(RedisCommand("INFO", "commandstats")).string))
            let stats = CommandStat.parse(info)
            let names = Set(stats.map(\.name))
            #expect(names == ["config|resetstat", "slowlog|get", "client|list", "latency|latest", "config|get"])
            #expect(stats.allSatisfy { $0.calls == 1 })
            await observer.close()
        }
    }

    @Test func commandStatsFromARealInfoReply() async throws {
        try await RedisFixture.with { redis in
            try await redis.run((0..<10).map { RedisCommand("SET", "k\($0)", "v") } + (0..<4).map { RedisCommand("GET", "k\($0)") })
            _ = try? await redis.send("HGET", "k1", "f")  // WRONGTYPE: a failed call
            let info = InfoSnapshot(parsing: try #require(try await redis.send("INFO", "all").string))
            let stats = CommandStat.parse(info)
            let set = try #require(stats.first { $0.name == "set" })
            #expect(set.calls == 10)
            #expect(set.microseconds >= 0)
            #expect(set.microsecondsPerCall >= 0)
            let hget = try #require(stats.first { $0.name == "hget" })
            #expect(hget.failedCalls == 1)
            #expect(stats.first { $0.name == "get" }?.calls == 4)
        }
    }
}
