import FuzzSupport
import LocalRedis
import RESP
import Testing

@testable import RedisClient

@Suite("Managed connection: reconnect with backoff", .timeLimit(.minutes(2)))
struct ManagedConnectionTests {
    static let fast = ReconnectPolicy(initialDelay: .milliseconds(50), maximumDelay: .milliseconds(300))

    @Test("after the server stops and restarts the state goes failed then connected again")
    func reconnect() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let managed = ManagedConnection(options: server.options(), policy: Self.fast)
        var states = managed.stateChanges.makeAsyncIterator()
        #expect(try await managed.send(RedisCommand("PING")).string == "PONG")
        #expect(await managed.state.isConnected)

        server.stop()
        var seen: [ConnectionState] = []
        while let state = await states.next() {
            seen.append(state)
            if state.isFailed { break }
        }
        // While down, commands fail at once rather than waiting for the backoff.
        let started = ContinuousClock.now
        let error = await redisError { _ = try await managed.send(RedisCommand("PING")) }
        #expect(error?.kind == .notConnected || error?.kind == .connectionRefused || error?.kind == .closed)
        #expect(ContinuousClock.now - started < .seconds(1))

        try server.restart()
        while let state = await states.next() {
            seen.append(state)
            if state.isConnected { break }
        }
        let failedIndex = try #require(seen.firstIndex(where: { $0.isFailed }))
        let connectedIndex = try #require(seen.lastIndex(where: { $0.isConnected }))
        #expect(failedIndex < connectedIndex)
        if case .failed(let failure, _, _) = seen[failedIndex] {
            #expect(failure.endpoint?.port == server.port)
        }
        #expect(try await managed.send(RedisCommand("PING")).string == "PONG")
        await managed.close()
        #expect(await managed.state == .closed)
    }

    @Test("a node that never answers reports failed with the refusal, and retries")
    func neverUp() async throws {
        let server = try LocalRedisServer.start()
        let options = server.options()
        server.stop()
        let managed = ManagedConnection(options: options, policy: Self.fast)
        let state = await managed.waitForAttempt()
        guard case .failed(let error, let since, let next) = state else {
            Issue.record("expected failed, got \(state)")
            return
        }
        #expect(error.kind == .connectionRefused)
        #expect(next > since)
        #expect("\(state)".contains("connection refused"))
        await managed.close()
    }

    @Test("backoff grows exponentially up to the maximum, with bounded jitter")
    func backoff() {
        var rng = SeededRandom(state: 10)
        let policy = ReconnectPolicy(initialDelay: .milliseconds(100), maximumDelay: .seconds(2), multiplier: 2, jitter: 0.2)
        let first = policy.delay(forAttempt: 1, using: &rng)
        #expect(first >= .milliseconds(80) && first <= .milliseconds(120))
        let third = policy.delay(forAttempt: 3, using: &rng)
        #expect(third >= .milliseconds(320) && third <= .milliseconds(480))
        let late = policy.delay(forAttempt: 50, using: &rng)
        #expect(late <= .milliseconds(2400) && late >= .milliseconds(1600))
        // The form the connections use draws from the system's random source, within the same bounds.
        for _ in 0..<20 {
            let drawn = policy.delay(forAttempt: 3)
            #expect(drawn >= .milliseconds(320) && drawn <= .milliseconds(480))
        }
    }
}
