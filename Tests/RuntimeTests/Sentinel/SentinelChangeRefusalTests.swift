import Foundation
import Inspector
import LocalRedis
import RESP
import RedisClient
import Runtime
import TerminalUI
import Testing

@testable import AppCore

/// While no primary is confirmed (a failover between its start and the switch), the one mutation
/// path refuses changes with a message; the key stays as it was.
@Suite("Sentinel: changes wait for a confirmed primary", .timeLimit(.minutes(1)))
struct SentinelChangeRefusalTests {
    typealias FrameLog = BlockedServerResponsivenessTests.FrameLog

    @Test("a confirmed delete is refused while no primary is confirmed, and the key is kept")
    func refused() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let options = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port))
        let writer = try await RedisConnection.connect(options)
        _ = try await writer.send(RedisCommand("SET", "victim", "1"))
        let address = "\(options.endpoint)"
        var state = AppState(addresses: [address], height: 60, now: MonotonicClock.now(), interval: 0.5)
        var sentinel = SentinelState(masterName: "mymaster")
        sentinel.primaryConfirmed = false
        state.sentinel = sentinel
        let log = FrameLog()
        let audit = try AuditLog(path: NSTemporaryDirectory() + "cachescope-refusal-\(UUID().uuidString).log")
        let runtime = AppRuntime(state: state, connections: [ManagedConnection(options: options)], frameSink: { log.append($0) }, auditLog: audit)
        let running = Task { await runtime.run() }
        defer { running.cancel() }
        runtime.send(.terminal(.key(.character("2"))))
        #expect(await log.waitFor(after: 0) { $0.contains("1 keys indexed") } != nil, "\(log.last)")
        for key: Key in [.character("g"), .character("d")] { runtime.send(.terminal(.key(key))) }
        #expect(await log.waitFor(after: 0) { $0.contains("u undoes it") } != nil, "\(log.last)")
        runtime.send(.terminal(.key(.character("y"))))
        #expect(await log.waitFor(after: 0) { $0.contains("change refused: failover in progress") } != nil, "\(log.last)")
        #expect(try await writer.send(RedisCommand("EXISTS", "victim")).int == 1)
        await writer.close()
    }
}
