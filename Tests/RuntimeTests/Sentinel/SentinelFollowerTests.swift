import Foundation
import Inspector
import LocalRedis
import Recording
import RedisClient
import Runtime
import TerminalUI
import Testing

@testable import AppCore

/// The dashboard follows a Sentinel group through a failover: the overview's node list and the
/// Sentinel view show the new primary without a restart, and the timeline keeps the events in order.
@Suite("Sentinel: the runtime follows failovers", .serialized, .timeLimit(.minutes(2)))
struct SentinelFollowerTests {
    typealias FrameLog = BlockedServerResponsivenessTests.FrameLog

    /// A runtime on the group, as a dashboard session makes it, drawing into `log` (and recording into `record`).
    static func runtime(_ group: LocalRedisSentinelGroup, log: FrameLog, dumpDirectory: String, record: String? = nil) async throws -> AppRuntime {
        let sentinels = group.sentinels.map { ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: $0.port)) }
        let client = SentinelClient(sentinels: sentinels, masterName: group.masterName, nodeOptions: ConnectionOptions())
        let topology = try await client.discover()
        var state = AppState(addresses: topology.nodes.map { "\($0)" }, height: 80, now: MonotonicClock.now(), interval: 0.5)
        state.sentinel = SentinelState(masterName: group.masterName, overview: SentinelOverview(topology))
        state.alerts.rules += AlertRule.sentinelDefaults
        return AppRuntime(
            state: state, connections: topology.nodes.map { ManagedConnection(options: client.nodeOptions(for: $0)) }, frameSink: { log.append($0) },
            dumpDirectory: dumpDirectory, auditLog: nil, sentinel: client, recordPath: record)
    }

    @Test("SENTINEL FAILOVER: the new primary is shown within 10 s, :dump writes the timeline in order, a recording holds the failover")
    func manualFailover() async throws {
        let group = try LocalRedisSentinelGroup.start()
        defer { group.stop() }
        let directory = try TemporaryFolder.make()
        let recording = try TemporaryFolder.make() + "/failover.db"
        let log = FrameLog()
        let runtime = try await Self.runtime(group, log: log, dumpDirectory: directory, record: recording)
        let running = Task { await runtime.run() }
        defer { running.cancel() }
        let oldPrimary = "127.0.0.1:\(group.primary.port)"
        #expect(await log.waitFor(after: 0) { $0.contains("primary \(oldPrimary)") && $0.contains("sentinels 3/3 up, 3 followed") } != nil, "\(log.last)")

        let sentinel = try await RedisConnection.connect(ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: group.sentinels[0].port)))
        let asked = ContinuousClock.now
        _ = try await sentinel.send(RedisCommand("SENTINEL", "FAILOVER", group.masterName))
        await sentinel.close()
        let replicas = group.replicas.map { "127.0.0.1:\($0.port)" }
        let promoted = await log.waitFor(after: 0, timeout: .seconds(10)) { text in replicas.contains { text.contains("primary \($0)") } }
        let shown = try #require(promoted, "no new primary within 10 s:\n\(log.last)")
        print("new primary shown \(shown.at - asked) after SENTINEL FAILOVER")
        #expect(await log.waitFor(after: 0, timeout: .seconds(10)) { $0.contains("+failover-end") && $0.contains("primary confirmed") } != nil, "\(log.last)")

        for key: Key in [.character(":"), .character("d"), .character("u"), .character("m"), .character("p"), .enter] { runtime.send(.terminal(.key(key))) }
        #expect(await log.waitFor(after: 0) { $0.contains("dumped to") } != nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
        let json = try #require(files.first { $0.hasSuffix(".json") })
        let text = try #require(files.first { $0.hasSuffix(".txt") })
        let dump = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/" + json))) as? [String: Any]
        let timeline = try #require(dump?["sentinel_timeline"] as? [String: Any])
        #expect(timeline["failovers"] as? Int == 1)
        let events = try #require(timeline["events"] as? [[String: Any]]).compactMap { $0["event"] as? String }
        let order = ["+try-failover", "+elected-leader", "+failover-state-select-slave", "+promoted-slave", "+failover-end"]
        let positions = order.map { name in events.firstIndex(of: name) }
        #expect(positions.allSatisfy { $0 != nil }, "\(events)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(events)")
        #expect(events.contains("+switch-master"))
        let written = try String(contentsOfFile: directory + "/" + text, encoding: .utf8)
        #expect(written.contains("Sentinel events (1 failover):"))
        #expect(written.contains("failover #1: "))

        // The recording: Sentinel's own events, and the group's change of primary.
        runtime.send(.terminal(.key(.character("q"))))
        _ = await running.value
        let db = try SQLiteDatabase.openRecording(path: recording)
        let sentinelEvents = try db.rows("SELECT detail FROM events WHERE kind = 'sentinel' ORDER BY t") { $0.text(0) ?? "" }
        #expect(sentinelEvents.contains { $0.hasPrefix("+switch-master ") }, "\(sentinelEvents)")
        #expect(sentinelEvents.contains { $0.hasPrefix("+failover-end ") }, "\(sentinelEvents)")
        let failovers = try db.rows("SELECT detail FROM events WHERE kind = 'failover' ORDER BY t") { $0.text(0) ?? "" }
        #expect(failovers.contains { detail in replicas.contains { detail.contains("primary \($0)") } }, "\(failovers)")
    }

    @Test("SIGKILL of the primary: odown, then the promotion is followed; the old primary is listed down")
    func killedPrimary() async throws {
        let group = try LocalRedisSentinelGroup.start()
        defer { group.stop() }
        let log = FrameLog()
        let runtime = try await Self.runtime(group, log: log, dumpDirectory: NSTemporaryDirectory())
        let running = Task { await runtime.run() }
        defer { running.cancel() }
        let oldPrimary = "127.0.0.1:\(group.primary.port)"
        #expect(await log.waitFor(after: 0) { $0.contains("primary \(oldPrimary)") && $0.contains("primary confirmed") && $0.contains("3 followed") } != nil, "\(log.last)")

        #expect(kill(group.primary.pid, SIGKILL) == 0)
        let odown = try #require(await log.waitFor(after: 0, timeout: .seconds(10)) { $0.contains("+odown") }, "no +odown:\n\(log.last)")
        let replicas = group.replicas.map { "127.0.0.1:\($0.port)" }
        let promoted = try #require(
            await log.waitFor(after: 0, timeout: .seconds(15)) { text in replicas.contains { text.contains("primary \($0)") } && text.contains("primary confirmed") },
            "no promotion followed:\n\(log.last)")
        #expect(odown.at < promoted.at)
        #expect(await log.waitFor(after: 0) { $0.contains("+failover-end") && $0.contains("\(oldPrimary)") && $0.contains("DOWN") } != nil, "\(log.last)")
    }
}

/// A private temporary directory for a test's files.
enum TemporaryFolder {
    static func make() throws -> String {
        let path = NSTemporaryDirectory() + "cachescope-sentinel-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
