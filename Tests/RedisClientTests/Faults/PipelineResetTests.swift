import Foundation
import LocalRedis
import RESP
import Testing

@testable import RedisClient

/// A connection that dies in the middle of a pipelined batch: every pending caller fails with a
/// clear error, no reply is handed to the wrong command, and nothing is sent twice by reconnecting.
@Suite("Faults: connection reset midway through a pipeline", .timeLimit(.minutes(2)))
struct PipelineResetTests {
    @Test("the fake server closes after half the replies: batch and queued sends fail, nothing re-sent")
    func closeAfterHalf() async throws {
        let fake = try FakeRedisServer { client in
            guard client.answerHello() else { return }
            var seen = 0
            while let command = client.readCommand(timeout: .seconds(5)) {
                if command.first == "PING" {
                    client.write("+PONG\r\n")
                    continue
                }
                seen += 1
                if seen <= 50 { client.write(":\(seen)\r\n") }
                if seen == 100 { break }
            }
            client.close()
        }
        defer { fake.stop() }
        let managed = ManagedConnection(
            options: fake.options(), policy: ReconnectPolicy(initialDelay: .milliseconds(50), maximumDelay: .milliseconds(200)))
        #expect(try await managed.send(RedisCommand("PING")).string == "PONG")
        let batch = (0..<100).map { RedisCommand("INCR", "c\($0)") }
        let error = await redisError { _ = try await managed.pipeline(batch) }
        #expect(error?.kind == .closed)
        #expect(error?.description == "\(fake.endpointText): connection closed with replies pending")
        // The managed connection reconnects by itself; the batch is not replayed.
        #expect(await eventually { (try? await managed.send(RedisCommand("PING")))?.string == "PONG" })
        let incrs = fake.commands.filter { $0.first == "INCR" }
        #expect(incrs.count == 100)
        #expect(Set(incrs.map { $0[1] }).count == 100)
        await managed.close()
    }

    @Test("CLIENT KILL of our connection during a long pipeline against a real server")
    func clientKillMidPipeline() async throws {
        try await withRedis { server in
            let total = 150_000
            let managed = ManagedConnection(
                options: server.options(commandTimeout: .seconds(30)),
                policy: ReconnectPolicy(initialDelay: .milliseconds(50), maximumDelay: .milliseconds(200)))
            let id = try #require(try await managed.send(RedisCommand("CLIENT", "ID")).int)
            let observer = try await RedisConnection.connect(server.options())
            let batch = [RedisCommand](repeating: RedisCommand("INCR", "counter"), count: total)
            async let outcome: RedisError? = redisError { _ = try await managed.pipeline(batch) }
            // Kill it as soon as the server has run some but (with luck) not all of the batch.
            var killedAt = 0
            while killedAt == 0 {
                let value = try await observer.send(RedisCommand("GET", "counter"))
                if let text = value.string, let count = Int(text), count > 0 { killedAt = count }
            }
            _ = try await observer.send(RedisCommand("CLIENT", "KILL", "ID", "\(id)"))
            let error = await outcome
            let counterAfterKill = Int(try await observer.send(RedisCommand("GET", "counter")).string ?? "0") ?? 0
            if counterAfterKill < total {
                // Killed midway: the whole batch fails with a clear error; no partial replies leak out.
                let failure = try #require(error, "the pipeline returned although its connection was killed")
                #expect(failure.kind == .closed)
                #expect(failure.description.hasPrefix(server.endpointDescription + ": connection"))
            }
            // Reconnected by itself, and the batch was not re-sent.
            #expect(await eventually { (try? await managed.send(RedisCommand("PING")))?.string == "PONG" })
            try await Task.sleep(for: .milliseconds(300))
            let final = Int(try await observer.send(RedisCommand("GET", "counter")).string ?? "0") ?? 0
            #expect(final == counterAfterKill, "counter moved after the kill: re-sent?")
            #expect(final <= total)
            let clients = try await observer.send(RedisCommand("CLIENT", "LIST")).string ?? ""
            #expect(!clients.contains("id=\(id) "))
            await observer.close()
            await managed.close()
        }
    }
}
