import Foundation
import Inspector
import Recording
import Testing

/// Two moments of a recording written with the recording writer: moments resolve to the last
/// sample at or before them, and the diff names what changed and what happened between.
@Suite("Recording diff: moments and changes")
struct RecordingDiffTests {
    /// 2026-12-05 14:00:00.500 UTC.
    static let start: Int64 = 1_796_479_200_500

    /// One node sampled each second for 20 s: 100 ops a second, 9 hits and 1 miss, then from
    /// 10 s on 1 hit and 1 miss and 2 evictions a second; memory and keys grow at 10 s, the
    /// policy changes and the node becomes a replica; an alert fires at 12 s, an expire at 13 s.
    private func makeRecording() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-\(UUID().uuidString)-diff.db").path
        let writer = try RecordingWriter(path: path, startedAtMilliseconds: Self.start, meta: ["interval_ms": "1000"])
        var rows: [RecordingRow] = [.node(node: 0, address: "127.0.0.1:6379", t: 0)]
        rows.append(.nodeState(NodeStateRow(t: 0, node: 0, role: "master", maxmemory: 0, policy: "noeviction", server: "redis", version: "7.0.15")))
        rows.append(.nodeState(NodeStateRow(t: 10_000, node: 0, role: "slave", maxmemory: 0, policy: "allkeys-lru", server: "redis", version: "7.0.15")))
        for second in 0..<20 {
            let late = second >= 10
            let first = second == 0
            rows.append(
                .sample(
                    SampleRow(
                        t: Int64(second) * 1000, node: 0, latencyMicroseconds: 200, ops: first ? nil : 100, hits: first ? nil : (late ? 1 : 9),
                        misses: first ? nil : 1, evicted: first ? nil : (late ? 2 : 0), expired: first ? nil : 0,
                        usedMemory: late ? 5_000_000 : 1_000_000, clients: late ? 12 : 2, blocked: 0, keys: late ? 1500 : 500)))
        }
        rows.append(.prefix(t: 0, node: 0, prefix: Array("user:".utf8), keys: 500, memory: 900_000, estimated: false))
        rows.append(.prefix(t: 11_000, node: 0, prefix: Array("user:".utf8), keys: 1500, memory: 4_800_000, estimated: false))
        rows.append(.alert(t: 12_000, node: 0, rule: "hit-ratio-low", severity: "warning", state: "firing", detail: nil))
        rows.append(.action(t: 13_000, node: 0, action: "expire", target: Array("user:\u{1b}[31m".utf8), keys: 1, outcome: "done", detail: nil))
        writer.append(rows)
        writer.close()
        return path
    }

    @Test("HH:MM and HH:MM:SS parse; anything else does not")
    func parsing() {
        #expect(RecordingMoment(parsing: "14:03")?.secondsOfDay == 14 * 3600 + 180)
        #expect(RecordingMoment(parsing: "14:03:20").map { ($0.secondsOfDay, $0.precision) } ?? (0, 0) == (50600, 1))
        for bad in ["14", "24:00", "14:60", "1:03", "14:03:20:1", "14:3a", "", "14:03:99"] { #expect(RecordingMoment(parsing: bad) == nil, "\(bad)") }
    }

    @Test("a moment resolves to the last sample at or before it; outside the recording it is an error")
    func resolving() throws {
        let path = try makeRecording()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try RecordingReader(path: path)
        // 14:00:05 is 4.5 s after the start: the sample at 4 s.
        #expect(try RecordingMoment(parsing: "14:00:05")!.resolve(in: reader) == 4000)
        // 14:00 (its whole minute) and 14:00:00 (its second) begin before the first sample: that sample.
        #expect(try RecordingMoment(parsing: "14:00")!.resolve(in: reader) == 0)
        #expect(try RecordingMoment(parsing: "14:00:00")!.resolve(in: reader) == 0)
        #expect(throws: RecordingMomentError.outside(moment: "14:00:21", span: "14:00:00–14:00:19 UTC")) { try RecordingMoment(parsing: "14:00:21")!.resolve(in: reader) }
        #expect(throws: RecordingMomentError.self) { try RecordingMoment(parsing: "13:59:59")!.resolve(in: reader) }
        #expect(throws: RecordingMomentError.self) { try RecordingMoment(parsing: "13:59")!.resolve(in: reader) }
    }

    @Test("two moments: memory, keys, clients, role, policy, hit ratio, prefixes and the events between")
    func diff() throws {
        let path = try makeRecording()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try RecordingReader(path: path)
        let report = try reader.diff(from: 5000, to: 18_000, before: "a", after: "b")
        #expect(report.seconds == 13)
        let memory = report.rows(in: .memory)
        // The node's memory (+4 MB) before the prefix's (+3.9 MB): biggest first.
        #expect(memory.map(\.name) == ["used memory", "user:"])
        #expect(memory.first?.delta == 4_000_000)
        #expect(report.rows(in: .keys).map(\.delta) == [1000, 1000])
        #expect(report.rows(in: .clients).first { $0.name == "connected clients" }?.after == "12")
        #expect(report.rows(in: .topology).first.map { ($0.name, $0.before, $0.after, $0.note) } ?? ("", nil, nil, nil) == ("role", "master", "slave", "failover"))
        #expect(report.rows(in: .config).map(\.name) == ["maxmemory-policy"])
        let hit = try #require(report.rows(in: .figures).first { $0.name == "hit ratio" })
        #expect(hit.before == "90%" && hit.after == "50%")
        let events = report.rows(in: .events)
        #expect(events.contains { $0.name == "evictions between" && $0.after == "18" })
        #expect(events.contains { $0.name == "14:00:12 alert hit-ratio-low" && $0.after == "firing" })
        // The key stays bytes as far as the row: the text table escapes it.
        #expect(events.contains { $0.name == "14:00:13 expire user:\u{1b}[31m" && $0.after == "done, 1 keys" })
        // Nothing changed between two moments inside the first ten seconds but the rates' noise.
        let quiet = try reader.diff(from: 3000, to: 8000, before: "a", after: "b")
        #expect(quiet.rows.filter { $0.section != .events }.isEmpty)
    }
}
