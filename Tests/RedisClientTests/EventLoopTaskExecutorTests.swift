import LocalRedis
import NIOCore
import RESP
import Testing

@testable import RedisClient

@Suite("A task preferring its connection's event loop", .timeLimit(.minutes(2)))
struct EventLoopTaskExecutorTests {
    @Test("runs on the loop and is resumed on it after every reply, replies in order")
    func resumedOnTheLoop() async throws {
        try await withRedis { server in
            let connection = try await RedisConnection.connect(server.options())
            _ = try await connection.send(RedisCommand("SET", "counter", "0"))
            let (onLoop, values) = try await withTaskExecutorPreference(connection.taskExecutor) {
                var onLoop = connection.eventLoop.inEventLoop
                var values: [Int] = []
                for _ in 0..<200 {
                    let replies = try await connection.pipeline([RedisCommand("INCR", "counter"), RedisCommand("GET", "counter")])
                    onLoop = onLoop && connection.eventLoop.inEventLoop
                    values.append(replies[0].int.map(Int.init) ?? -1)
                    _ = try await connection.send(RedisCommand("PING"))
                    onLoop = onLoop && connection.eventLoop.inEventLoop
                }
                return (onLoop, values)
            }
            #expect(onLoop)
            #expect(values == Array(1...200))
            // Off the loop again, the connection is as before.
            #expect(!connection.eventLoop.inEventLoop)
            #expect(try await connection.send(RedisCommand("GET", "counter")).string == "200")
            await connection.close()
        }
    }

    @Test("a cancelled request on the loop returns at once and the connection stays aligned")
    func cancellationOnTheLoop() async throws {
        try await withRedis { server in
            let connection = try await RedisConnection.connect(server.options(commandTimeout: .seconds(30)))
            let blocked = Task(executorPreference: connection.taskExecutor) {
                try await connection.send(RedisCommand("BLPOP", "never-filled", "2"))
            }
            try await Task.sleep(for: .milliseconds(100))
            let clock = ContinuousClock()
            let started = clock.now
            blocked.cancel()
            let result = await blocked.result
            #expect(clock.now - started < .seconds(1))
            #expect(throws: CancellationError.self) { try result.get() }
            // The BLPOP's late nil reply is read and dropped; PING gets its own reply.
            #expect(try await connection.send(RedisCommand("PING")).string == "PONG")
            await connection.close()
        }
    }
}
