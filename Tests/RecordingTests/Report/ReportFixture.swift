import Foundation
import Recording

/// A recording written by the real ``RecordingWriter``, as the dashboard writes one: two nodes
/// sampled once a second for `seconds`, two alerts firing then resolving on node 1, an expire of
/// a hostile key name (escape sequence, `<script>`, bytes that are not UTF-8), a failover whose
/// detail holds `|` and HTML, and prefix listings at the start and the end.
struct ReportFixture {
    /// 2026-12-05 14:00:00 UTC.
    static let startedAt: Int64 = 1_796_479_200_000
    static let hostileKey: [UInt8] = Array("evil:\u{1b}[2J<script>".utf8) + [0xFF, 0xFE]
    let path: String

    init(seconds: Int = 600) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-report-\(UUID().uuidString).db").path
        let writer = try RecordingWriter(path: path, startedAtMilliseconds: Self.startedAt, meta: ["label": "prod <cache>", "interval_ms": "1000"])
        defer { writer.close() }
        var rows: [RecordingRow] = [.node(node: 1, address: "10.0.0.1:6379", t: 0), .node(node: 2, address: "10.0.0.2:6379", t: 0)]
        for (node, role) in [(1, "master"), (2, "slave")] {
            rows.append(.nodeState(NodeStateRow(t: 0, node: node, role: role, maxmemory: 1 << 30, policy: "allkeys-lru", server: "redis", version: "7.0.15")))
        }
        for second in 0..<seconds {
            for node in [1, 2] {
                // Between 120 s and 300 s the hit ratio falls and node 1 evicts.
                let bad = (120..<300).contains(second) && node == 1
                let first = second == 0
                rows.append(
                    .sample(
                        SampleRow(
                            t: Int64(second) * 1000, node: node, latencyMicroseconds: bad ? 4000 : 300,
                            ops: first ? nil : 1000 + Int64(second % 50) * 10, hits: first ? nil : bad ? 400 : 950,
                            misses: first ? nil : bad ? 600 : 50, evicted: first ? nil : bad ? 25 : 0, expired: first ? nil : 0,
                            usedMemory: 500_000_000 + Int64(second) * 500_000, clients: 12, blocked: 0, keys: 10_000)))
            }
        }
        rows += [
            .alert(t: 125_000, node: 1, rule: "hit ratio below 80%", severity: "warning", state: "firing", detail: "40%"),
            .alert(t: 130_000, node: 1, rule: "evictions above 10/s", severity: "critical", state: "firing", detail: "25/s"),
            .alert(t: 290_000, node: 1, rule: "evictions above 10/s", severity: "critical", state: "resolved", detail: nil),
            .alert(t: 305_000, node: 1, rule: "hit ratio below 80%", severity: "warning", state: "resolved", detail: nil),
            .event(t: 200_000, node: 2, kind: "failover", key: nil, detail: "10.0.0.2:6379 promoted | <b>new master</b>"),
            .action(t: 150_000, node: 1, action: "expire", target: Self.hostileKey, keys: 1, outcome: "done", detail: "ttl 60s"),
        ]
        for (t, scale) in [(Int64(0), Int64(1)), (Int64(seconds - 1) * 1000, Int64(3))] {
            rows += [
                .prefix(t: t, node: 1, prefix: Array("user:".utf8), keys: 1000 * scale, memory: 4_000_000 * scale, estimated: false),
                .prefix(t: t, node: 2, prefix: Array("user:".utf8), keys: 1000 * scale, memory: 4_000_000 * scale, estimated: false),
                .prefix(t: t, node: 1, prefix: Self.hostileKey, keys: 5, memory: 1000, estimated: false),
            ]
        }
        writer.append(rows)
    }

    func remove() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
