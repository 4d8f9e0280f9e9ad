import Foundation
import LocalRedis
import NIOCore
import RESP
import Testing

@testable import RedisClient

@Suite("Redis connection against a real server", .timeLimit(.minutes(2)))
struct RedisConnectionTests {
    @Test("connect, PING, RESP3 negotiated, client named cachescope")
    func ping() async throws {
        try await withRedis { server in
            let connection = try await RedisConnection.connect(server.options())
            #expect(try await connection.send(RedisCommand("PING")).string == "PONG")
            #expect(connection.protocolVersion == 3)
            #expect(try await connection.send(RedisCommand("CLIENT", "GETNAME")).string == "cachescope")
            #expect(connection.isActive)
            await connection.close()
            #expect(!connection.isActive)
        }
    }

    @Test("10,000 pipelined commands come back in order")
    func pipelining() async throws {
        try await withRedis { server in
            let connection = try await RedisConnection.connect(server.options())
            let writes = (0..<10_000).map { RedisCommand("SET", "key:\($0)", "value:\($0)") }
            let written = try await connection.pipeline(writes)
            #expect(written.count == 10_000)
            #expect(written.allSatisfy { $0.string == "OK" })
            let reads = (0..<10_000).map { RedisCommand("GET", "key:\($0)") }
            let replies = try await connection.pipeline(reads)
            #expect(replies.map(\.string) == (0..<10_000).map { "value:\($0)" })
            // Many concurrent senders on one connection still get their own replies.
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let value = try await connection.send(RedisCommand("GET", "key:\(index)"))
                        return value.string == "value:\(index)"
                    }
                }
                for try await ok in group { #expect(ok) }
            }
            await connection.close()
        }
    }

    @Test("error replies stay in place in a pipeline and throw from send")
    func errorReplies() async throws {
        try await withRedis { server in
            let connection = try await RedisConnection.connect(server.options())
            let replies = try await connection.pipeline([
                RedisCommand("SET", "s", "1"), RedisCommand("LPUSH", "s", "x"), RedisCommand("GET", "s"),
            ])
            #expect(replies[0].string == "OK")
            #expect(replies[1].errorMessage?.hasPrefix("WRONGTYPE") == true)
            #expect(replies[2].string == "1")
            let error = await redisError { _ = try await connection.send(RedisCommand("LPUSH", "s", "x")) }
            #expect(error?.kind == .server("WRONGTYPE"))
            #expect(error?.description.hasPrefix("127.0.0.1:\(server.port): WRONGTYPE") == true)
            await connection.close()
        }
    }

    @Test("binary keys and values are kept byte for byte")
    func binarySafe() async throws {
        try await withRedis { server in
            let connection = try await RedisConnection.connect(server.options())
            let key: [UInt8] = [0xff, 0x00, 0x1b, 0x5b, 0x0d, 0x0a]
            let value: [UInt8] = (0...255).map { UInt8($0) }
            _ = try await connection.send(RedisCommand("SET", key, value))
            #expect(try await connection.send(RedisCommand("GET", key)).bytes == value)
            await connection.close()
        }
    }

    @Test("SELECT chooses the database")
    func select() async throws {
        try await withRedis { server in
            let db3 = try await RedisConnection.connect(server.options(database: 3))
            _ = try await db3.send(RedisCommand("SET", "where", "three"))
            let db0 = try await RedisConnection.connect(server.options())
            #expect(try await db0.send(RedisCommand("GET", "where")).isNull)
            #expect(try await db3.send(RedisCommand("GET", "where")).string == "three")
            await db3.close()
            await db0.close()
        }
    }

    @Test("connection refused says where")
    func refused() async throws {
        let server = try LocalRedisServer.start()
        let options = server.options()
        server.stop()
        let error = await redisError { _ = try await RedisConnection.connect(options) }
        #expect(error?.kind == .connectionRefused)
        #expect(error?.description == "127.0.0.1:\(server.port): connection refused")
    }

    @Test("a command that outlives its timeout fails with a timeout; the connection stays usable")
    func commandTimeout() async throws {
        try await withRedis(["--enable-debug-command", "yes"]) { server in
            let connection = try await RedisConnection.connect(server.options(commandTimeout: .milliseconds(300)))
            let started = ContinuousClock.now
            let error = await redisError { _ = try await connection.send(RedisCommand("DEBUG", "SLEEP", "2")) }
            #expect(error?.kind == .timeout)
            #expect(error?.description == "127.0.0.1:\(server.port): timed out after 300 ms (DEBUG)")
            #expect(ContinuousClock.now - started < .milliseconds(1800))
            // The late reply to DEBUG is dropped, not handed to the next command.
            try await Task.sleep(for: .milliseconds(2000))
            #expect(try await connection.send(RedisCommand("ECHO", "after")).string == "after")
            await connection.close()
        }
    }

    @Test("a connection reset midway through a pipeline fails every pending command")
    func resetMidPipeline() async throws {
        try await withRedis(["--enable-debug-command", "yes"]) { server in
            let connection = try await RedisConnection.connect(server.options())
            let pid = server.pid
            #expect(pid > 0)
            // A plain thread, so the kill happens on time however busy the test runner is.
            Thread.detachNewThread {
                usleep(300_000)
                kill(pid, SIGKILL)
            }
            var commands = [RedisCommand("SET", "a", "1"), RedisCommand("DEBUG", "SLEEP", "2")]
            commands += (0..<100).map { RedisCommand("GET", "k\($0)") }
            let error = await redisError { _ = try await connection.pipeline(commands) }
            #expect(error?.kind == .closed)
            let after = await redisError { _ = try await connection.send(RedisCommand("PING")) }
            #expect(after?.kind == .closed)
        }
    }

    @Test("RESP3 push messages are kept aside, not taken for replies")
    func pushMessages() async throws {
        try await withRedis { server in
            let watcher = try await RedisConnection.connect(server.options())
            let writer = try await RedisConnection.connect(server.options())
            _ = try await watcher.send(RedisCommand("CLIENT", "TRACKING", "on"))
            _ = try await watcher.send(RedisCommand("GET", "user:42"))
            _ = try await writer.send(RedisCommand("SET", "user:42", "changed"))
            // Interleave replies with the invalidation push.
            for index in 0..<50 {
                #expect(try await watcher.send(RedisCommand("ECHO", "\(index)")).string == "\(index)")
            }
            var iterator = watcher.pushMessages.makeAsyncIterator()
            let push = try #require(await iterator.next())
            #expect(push.array?.first?.string == "invalidate")
            #expect(push.array?.last?.array?.first?.string == "user:42")
            await watcher.close()
            await writer.close()
        }
    }
}
