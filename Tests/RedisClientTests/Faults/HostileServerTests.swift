import Foundation
import LocalRedis
import NIOCore
import RESP
import Testing

@testable import RedisClient

/// What a broken or hostile server can send, and the error each must give: on that connection
/// only, naming the endpoint, with no crash and no unbounded allocation.
@Suite("Faults: hostile and broken servers", .timeLimit(.minutes(2)))
struct HostileServerTests {
    /// One misbehaviour: how the fake answers, and what the client must report.
    struct Scenario: Sendable, CustomStringConvertible {
        var description: String
        /// `true` when the failure happens while connecting (the greeting) rather than on PING.
        var failsOnConnect: Bool
        var expectedKinds: Set<RedisError.Kind>
        /// Words the error message must contain (lowercased match).
        var mentions: String
        var play: @Sendable (FakeClient) -> Void

        static func afterHello(
            _ description: String, kinds: Set<RedisError.Kind> = [.protocol], mentions: String,
            _ reply: @escaping @Sendable (FakeClient) -> Void
        ) -> Scenario {
            Scenario(description: description, failsOnConnect: false, expectedKinds: kinds, mentions: mentions) { client in
                guard client.answerHello(), client.readCommand() != nil else { return }
                reply(client)
                client.stall(for: .seconds(5))
            }
        }
    }

    static let scenarios: [Scenario] = [
        .afterHello("unknown type byte", mentions: "") { $0.write("?what\r\n") },
        .afterHello("bulk string longer than declared", mentions: "") { $0.write("$3\r\nabcdef\r\n") },
        .afterHello("bulk string length not a number", mentions: "") { $0.write("$abc\r\nxyz\r\n") },
        .afterHello("negative aggregate count", mentions: "") { $0.write("*-7\r\n") },
        .afterHello("integer overflow", mentions: "") { $0.write(":99999999999999999999999\r\n") },
        .afterHello("line without CR (never ends: the timeout answers)", kinds: [.protocol, .timeout], mentions: "") { $0.write("+OK\n+OK\n") },
        .afterHello("2 GB bulk header", mentions: "limit") { $0.write("$2147483648\r\n") },
        .afterHello("bulk header one byte over the 128 MiB bound", mentions: "exceeds the limit of 134217728 bytes") {
            $0.write("$\(RESPDecoder.Limits.defaultMaxBulkLength + 1)\r\n")
        },
        .afterHello("2^63 bulk header", mentions: "") { $0.write("$9223372036854775807\r\n") },
        .afterHello("huge aggregate count", mentions: "limit") { $0.write("*4294967296\r\n") },
        .afterHello("endless nesting", mentions: "nesting") { client in
            _ = client.write(String(repeating: "*1\r\n", count: 10_000))
        },
        .afterHello("endless line", mentions: "") { client in
            var chunk = Array("+".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 200_000)
            chunk += Array("\r\n".utf8)
            _ = client.write(chunk)
        },
        .afterHello("two replies to one command", mentions: "nobody asked") { $0.write("+PONG\r\n+EXTRA\r\n") },
        .afterHello("closes after half a reply", kinds: [.closed], mentions: "closed") { client in
            client.write("$10\r\nabc")
            client.close()
        },
        Scenario(description: "closes right after the greeting", failsOnConnect: false, expectedKinds: [.closed], mentions: "closed") { client in
            client.answerHello()
            client.close()
        },
        Scenario(description: "closes instead of the greeting", failsOnConnect: true, expectedKinds: [.closed], mentions: "closed") { client in
            _ = client.readCommand()
            client.close()
        },
        Scenario(description: "garbage greeting (an HTTP server)", failsOnConnect: true, expectedKinds: [.protocol], mentions: "") { client in
            _ = client.readCommand()
            client.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            client.stall(for: .seconds(5))
        },
        Scenario(description: "binary garbage greeting", failsOnConnect: true, expectedKinds: [.protocol], mentions: "") { client in
            _ = client.readCommand()
            client.write([0x16, 0x03, 0x01, 0x00, 0xFF, 0x00, 0x0D, 0x0A])
            client.stall(for: .seconds(5))
        },
        Scenario(description: "greeting answered with a push only, then close", failsOnConnect: true, expectedKinds: [.closed], mentions: "closed") { client in
            _ = client.readCommand()
            client.write(">2\r\n$7\r\nmessage\r\n$1\r\nx\r\n")
            client.close()
        },
    ]

    @Test("each misbehaviour gives a clear RedisError naming the endpoint", arguments: scenarios)
    func scenario(_ scenario: Scenario) async throws {
        let fake = try FakeRedisServer(script: scenario.play)
        defer { fake.stop() }
        let error = await redisError {
            let connection = try await RedisConnection.connect(fake.options(commandTimeout: .seconds(2)))
            defer { Task { await connection.close() } }
            if scenario.failsOnConnect {
                Issue.record("connected although the greeting was broken")
                return
            }
            _ = try await connection.send(RedisCommand("PING"))
            // Only "two replies to one command" gets here: the extra reply broke the connection.
            _ = try await connection.send(RedisCommand("PING"))
        }
        let failure = try #require(error, "\(scenario) gave no error")
        #expect(scenario.expectedKinds.contains(failure.kind), "\(scenario): \(failure)")
        #expect(failure.description.hasPrefix(fake.endpointText + ": "), "\(scenario): \(failure)")
        if !scenario.mentions.isEmpty {
            #expect(failure.message.lowercased().contains(scenario.mentions), "\(scenario): \(failure)")
        }
    }

    @Test("hostile servers leave a connection to a real server working")
    func isolation() async throws {
        try await withRedis { server in
            let healthy = try await RedisConnection.connect(server.options())
            let fakes = try Self.scenarios.map { try FakeRedisServer(script: $0.play) }
            defer { fakes.forEach { $0.stop() } }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for fake in fakes {
                    group.addTask {
                        _ = await redisError {
                            let connection = try await RedisConnection.connect(fake.options(commandTimeout: .seconds(2)))
                            _ = try? await connection.send(RedisCommand("PING"))
                            await connection.close()
                        }
                    }
                }
                group.addTask {
                    for index in 0..<50 {
                        let echoed = try await healthy.send(RedisCommand("ECHO", "\(index)"))
                        #expect(echoed.string == "\(index)")
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await healthy.send(RedisCommand("PING")).string == "PONG")
            await healthy.close()
        }
    }

    @Test("a 2 GB bulk header followed by 64 MB of data and endless nesting keep memory bounded")
    func boundedMemory() async throws {
        let stream: @Sendable (String, Int) -> @Sendable (FakeClient) -> Void = { header, megabytes in
            { client in
                guard client.answerHello(), client.readCommand() != nil else { return }
                client.write(header)
                let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
                for _ in 0..<megabytes where client.write(chunk) {}
                client.close()
            }
        }
        let nesting: @Sendable (FakeClient) -> Void = { client in
            guard client.answerHello(), client.readCommand() != nil else { return }
            let chunk = Array(String(repeating: "*1\r\n", count: 1 << 18).utf8)
            for _ in 0..<64 where client.write(chunk) {}
            client.close()
        }
        // Over the limit: refused on the header. At the limit (128 MiB): accepted, but nothing is
        // reserved from the declared length, only what actually arrives.
        let plays = [stream("$2147483648\r\n", 64), stream("*1\r\n$\(RESPDecoder.Limits.defaultMaxBulkLength)\r\n", 2), nesting]
        // Warm up allocator and NIO once so their first-use growth is not counted.
        for play in plays {
            let fake = try FakeRedisServer(script: play)
            _ = await redisError { _ = try await RedisConnection.connect(fake.options()).send(RedisCommand("PING")) }
            fake.stop()
        }
        let before = try #require(residentBytes(), "no /proc/self/statm")
        for play in plays {
            let fake = try FakeRedisServer(script: play)
            let error = await redisError { _ = try await RedisConnection.connect(fake.options()).send(RedisCommand("PING")) }
            #expect(error != nil)
            fake.stop()
        }
        let grown = (residentBytes() ?? before) - before
        #expect(grown < 8 << 20, "RSS grew by \(grown >> 20) MB")
    }
}
