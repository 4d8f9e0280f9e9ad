import Foundation
import FuzzSupport
import RESP
import Synchronization
import Testing

@testable import RedisClient

/// A command that times out or whose caller is cancelled must never shift later replies onto the
/// wrong command; a server that stops answering altogether gets the connection closed.
@Suite("Faults: timeouts and cancellation keep replies aligned", .timeLimit(.minutes(2)))
struct TimeoutCancellationTests {
    /// Answers `GET name` with `name` after `delays[name]` (default: at once), in order.
    static func echoServer(delays: [String: Duration]) throws -> FakeRedisServer {
        try FakeRedisServer { client in
            guard client.answerHello() else { return }
            while let command = client.readCommand(timeout: .seconds(30)) {
                let name = command.dropFirst().first ?? ""
                if let delay = delays[name] { Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18) }
                guard client.write("$\(name.utf8.count)\r\n\(name)\r\n") else { return }
            }
        }
    }

    @Test("after a timeout the late reply is dropped and the next command gets its own reply")
    func lateReplyDropped() async throws {
        let fake = try Self.echoServer(delays: ["slow": .milliseconds(600)])
        defer { fake.stop() }
        let connection = try await RedisConnection.connect(fake.options(commandTimeout: .milliseconds(200)))
        let error = await redisError { _ = try await connection.send(RedisCommand("GET", "slow")) }
        #expect(error?.kind == .timeout)
        #expect(error?.description.hasPrefix(fake.endpointText + ": timed out after 200 ms (GET)") == true)
        // Sent while the late reply to "slow" is still on its way: it must not receive it.
        // (This server answers in order, so "fast" waits behind "slow": give it time.)
        #expect(try await connection.sendReply(RedisCommand("GET", "fast"), timeout: .seconds(5)).string == "fast")
        #expect(try await connection.pipeline([RedisCommand("GET", "a"), RedisCommand("GET", "b")]).map(\.string) == ["a", "b"])
        #expect(connection.isActive)
        await connection.close()
    }

    @Test("timeouts in a row with no reply at all close the connection; every waiter fails")
    func repeatedTimeoutsClose() async throws {
        let fake = try FakeRedisServer { client in
            guard client.answerHello() else { return }
            while client.readCommand(timeout: .seconds(30)) != nil {}  // never answers
        }
        defer { fake.stop() }
        let connection = try await RedisConnection.connect(fake.options(commandTimeout: .milliseconds(100)))
        for _ in 0..<3 {
            let error = await redisError { _ = try await connection.send(RedisCommand("GET", "x")) }
            #expect(error?.kind == .timeout)
        }
        #expect(await eventually { !connection.isActive }, "still open after three silent timeouts")
        let started = ContinuousClock.now
        let error = await redisError { _ = try await connection.send(RedisCommand("GET", "x")) }
        #expect(error?.kind == .closed || error?.kind == .timeout)
        #expect(ContinuousClock.now - started < .milliseconds(500))
    }

    @Test("a managed connection reconnects after silent timeouts and works again")
    func managedReconnectsAfterStall() async throws {
        let stalled = StallSwitch()
        let fake = try FakeRedisServer { client in
            guard client.answerHello() else { return }
            while let command = client.readCommand(timeout: .seconds(30)) {
                if stalled.on.load(ordering: .acquiring) { continue }
                let name = command.dropFirst().first ?? "PONG"
                guard client.write("+\(name)\r\n") else { return }
            }
        }
        defer { fake.stop() }
        let managed = ManagedConnection(
            options: fake.options(commandTimeout: .milliseconds(100)),
            policy: ReconnectPolicy(initialDelay: .milliseconds(50), maximumDelay: .milliseconds(200)))
        for _ in 0..<3 { _ = await redisError { _ = try await managed.send(RedisCommand("GET", "x")) } }
        stalled.on.store(false, ordering: .releasing)
        #expect(await eventually { fake.acceptedCount >= 2 }, "no reconnect")
        #expect(await eventually { (try? await managed.send(RedisCommand("GET", "back")))?.string == "back" })
        await managed.close()
    }

    @Test("a cancelled send returns CancellationError promptly; the connection stays aligned")
    func cancelledSend() async throws {
        let fake = try Self.echoServer(delays: ["slow": .milliseconds(800)])
        defer { fake.stop() }
        let connection = try await RedisConnection.connect(fake.options(commandTimeout: .seconds(10)))
        let task = Task { try await connection.send(RedisCommand("GET", "slow")) }
        try await Task.sleep(for: .milliseconds(100))
        let cancelled = ContinuousClock.now
        task.cancel()
        do {
            _ = try await task.value
            Issue.record("the cancelled send returned a reply")
        } catch is CancellationError {
        } catch {
            Issue.record("expected CancellationError, got \(error)")
        }
        #expect(ContinuousClock.now - cancelled < .milliseconds(300))
        // The reply to "slow" arrives later and must be dropped.
        #expect(try await connection.send(RedisCommand("GET", "next")).string == "next")
        #expect(connection.isActive)
        await connection.close()
    }

    @Test("a cancelled pipeline returns CancellationError promptly; the connection stays aligned")
    func cancelledPipeline() async throws {
        let fake = try Self.echoServer(delays: ["slow": .milliseconds(800)])
        defer { fake.stop() }
        let connection = try await RedisConnection.connect(fake.options(commandTimeout: .seconds(10)))
        let task = Task {
            try await connection.pipeline([RedisCommand("GET", "one"), RedisCommand("GET", "slow"), RedisCommand("GET", "three")])
        }
        try await Task.sleep(for: .milliseconds(100))
        let cancelled = ContinuousClock.now
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        #expect(ContinuousClock.now - cancelled < .milliseconds(300))
        #expect(try await connection.pipeline([RedisCommand("GET", "x"), RedisCommand("GET", "y")]).map(\.string) == ["x", "y"])
        await connection.close()
    }

    @Test("a task cancelled before sending never writes the command")
    func cancelledBeforeSend() async throws {
        let fake = try Self.echoServer(delays: [:])
        defer { fake.stop() }
        let connection = try await RedisConnection.connect(fake.options())
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await connection.send(RedisCommand("GET", "never"))
        }
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        #expect(try await connection.send(RedisCommand("GET", "after")).string == "after")
        #expect(!fake.commands.contains(["GET", "never"]))
        await connection.close()
    }

    @Test("many concurrent callers, half cancelled at random moments, the rest get their own replies")
    func cancellationStorm() async throws {
        let fake = try Self.echoServer(delays: [:])
        defer { fake.stop() }
        let connection = try await RedisConnection.connect(fake.options())
        var rng = SeededRandom(state: 140)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<400 {
                let cancelAfter = Int.random(in: 0..<3, using: &rng)
                group.addTask {
                    let inner = Task { try await connection.send(RedisCommand("GET", "k\(index)")) }
                    if index % 2 == 0 {
                        if cancelAfter > 0 { try? await Task.sleep(for: .microseconds(cancelAfter * 200)) }
                        inner.cancel()
                    }
                    do {
                        let reply = try await inner.value
                        #expect(reply.string == "k\(index)")
                    } catch is CancellationError {
                        #expect(index % 2 == 0)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await connection.send(RedisCommand("GET", "last")).string == "last")
        await connection.close()
    }
}

/// Turns the fake server's stall off from the test.
private final class StallSwitch: Sendable {
    let on = Atomic<Bool>(true)
}
