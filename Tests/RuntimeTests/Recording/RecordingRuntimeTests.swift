import Foundation
import Inspector
import LocalRedis
import Recording
import RedisClient
import Runtime
import TerminalUI
import Testing

@testable import AppCore

/// What the runtime writes into a recording besides samples and alerts, against real servers: the
/// keys index's top prefixes (its interval shortened to a second), pub/sub counts per channel and
/// never a payload, key events from keyspace notifications, and a replica promoted by hand.
@Suite("Recording: prefixes, channels, key events and a promotion", .timeLimit(.minutes(2)))
struct RecordingRuntimeTests {
    /// The last frame the runtime drew, as text.
    final class LastFrame: Sendable {
        private let text = NSLockedString()
        func set(_ buffer: Buffer) { text.set(buffer.text) }
        func waitFor(_ wanted: String, timeout: Duration = .seconds(15)) async -> Bool {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                if text.get().contains(wanted) { return true }
                try? await Task.sleep(for: .milliseconds(20))
            }
            return false
        }
        var last: String { text.get() }
    }

    final class NSLockedString: @unchecked Sendable {
        private let lock = NSLock()
        private var value = ""
        func set(_ new: String) { lock.withLock { value = new } }
        func get() -> String { lock.withLock { value } }
    }

    static func type(_ runtime: AppRuntime, command: String) {
        runtime.send(.terminal(.key(.character(":"))))
        runtime.send(.terminal(.paste(command)))
        runtime.send(.terminal(.key(.enter)))
    }

    @Test("top prefixes every interval, counts per channel without payloads, key events, a replica promoted")
    func recordsWhatTheRuntimeSees() async throws {
        let primary = try LocalRedisServer.start()
        defer { primary.stop() }
        let replica = try LocalRedisServer.start(["--replicaof", "127.0.0.1", "\(primary.port)"])
        defer { replica.stop() }
        let client = try await RedisConnection.connect(ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: primary.port)))
        for prefix in ["user", "session", "product"] {
            for n in 0..<20 { _ = try await client.send(RedisCommand("SET", "\(prefix):\(n)", String(repeating: "v", count: 100))) }
        }
        _ = try await client.send(RedisCommand("CONFIG", "SET", "notify-keyspace-events", "KEA"))
        let marker = "PAYLOAD-MARKER-\(UUID().uuidString)"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }

        let frame = LastFrame()
        let endpoints = [primary.port, replica.port].map { ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: $0)) }
        let state = AppState(addresses: endpoints.map { "\($0.endpoint)" }, now: MonotonicClock.now(), interval: 0.5)
        let runtime = AppRuntime(
            state: state, connections: endpoints.map { ManagedConnection(options: $0) }, frameSink: { frame.set($0) }, auditLog: nil,
            recordPath: file, recordingPrefixInterval: .seconds(1))
        let running = Task { await runtime.run() }
        defer { running.cancel() }
        #expect(await frame.waitFor("REC"), "not recording:\n\(frame.last)")
        #expect(await frame.waitFor("replica"), "the replica never showed:\n\(frame.last)")

        // The keys pane indexes node 1 (the primary); its folders become prefix rows.
        runtime.send(.terminal(.key(.character("2"))))
        #expect(await frame.waitFor("session"), "no index:\n\(frame.last)")
        Self.type(runtime, command: "sub news")
        Self.type(runtime, command: "psub __key*@0__:*")
        runtime.send(.terminal(.key(.character("4"))))
        #expect(await frame.waitFor("__key*@0__:*"), "not subscribed:\n\(frame.last)")
        for _ in 0..<5 { _ = try await client.send(RedisCommand("PUBLISH", "news", marker)) }
        _ = try await client.send(RedisCommand("DEL", "user:1"))
        _ = try await client.send(RedisCommand("EXPIRE", "user:2", "900"))
        #expect(await frame.waitFor("user:2"), "no key event seen:\n\(frame.last)")

        // A replica promoted by hand: the node itself says it is a primary now.
        let promoted = try await RedisConnection.connect(endpoints[1])
        _ = try await promoted.send(RedisCommand("REPLICAOF", "NO", "ONE"))
        await promoted.close()
        try await Task.sleep(for: .seconds(2.5))
        await client.close()
        runtime.send(.terminal(.key(.character("q"))))
        _ = await running.value

        let db = try SQLiteDatabase.openRecording(path: file)
        let prefixTimes = try db.rows("SELECT DISTINCT t FROM prefixes WHERE node = 0") { $0.integer(0) }
        #expect(prefixTimes.count >= 2, "the top prefixes once per interval: \(prefixTimes)")
        let prefixes = Set(try db.rows("SELECT prefix FROM prefixes") { String(decoding: $0.blob(0) ?? [], as: UTF8.self) })
        #expect(prefixes.isSuperset(of: ["user:", "session:", "product:"]), "\(prefixes)")
        let news = try db.rows("SELECT sum(messages) FROM channels WHERE channel = CAST('news' AS BLOB) AND node = 0") { $0.integer(0) }
        #expect(news == [5])
        let keyEvents = try db.rows("SELECT CAST(key AS TEXT), detail FROM events WHERE kind = 'keyspace'") { "\($0.text(0) ?? "") \($0.text(1) ?? "")" }
        #expect(keyEvents.contains("user:1 del"), "\(keyEvents)")
        #expect(keyEvents.contains("user:2 expire"), "\(keyEvents)")
        let roles = try db.rows("SELECT node, detail FROM events WHERE kind = 'role'") { "\($0.integer(0)) \($0.text(1) ?? "")" }
        #expect(roles.count == 1 && roles.allSatisfy { $0.hasPrefix("1 ") && $0.hasSuffix("-> master") }, "\(roles)")

        // Payloads are counted, never kept: not in the file, nor in its WAL.
        for suffix in ["", "-wal"] {
            guard let bytes = FileManager.default.contents(atPath: file + suffix) else { continue }
            #expect(bytes.range(of: Data(marker.utf8)) == nil, "the payload is in \(file + suffix)")
        }
    }
}
