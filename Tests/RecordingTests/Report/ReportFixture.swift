import Foundation
import Recording

/// Builds a recording as docs/recording.md (schema version 1) describes it: two nodes sampled
/// once a second for `seconds`, an alert firing then resolving, an action on a hostile key name,
/// a failover, and prefix listings at the start and the end.
struct ReportFixture {
    /// 2026-12-05 14:00:00 UTC.
    static let startedAt: Int64 = 1_796_479_200_000
    static let hostileKey: [UInt8] = Array("evil:\u{1b}[2J<script>".utf8) + [0xFF, 0xFE]
    let path: String

    init(seconds: Int = 600) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-report-\(UUID().uuidString).db").path
        let db = try SQLiteDatabase.createRecording(path: path, startedAtMilliseconds: Self.startedAt, meta: ["label": "prod <cache>", "interval_ms": "1000"])
        try db.transaction {
            try db.execute("INSERT INTO nodes VALUES (1, '10.0.0.1:6379', 0), (2, '10.0.0.2:6379', 0)")
            try db.execute(
                "INSERT INTO node_states VALUES (0, 1, 'master', 1073741824, 'allkeys-lru', 'redis', '7.0.15'), (0, 2, 'slave', 1073741824, 'allkeys-lru', 'redis', '7.0.15')"
            )
            let sample = try db.prepare("INSERT INTO samples VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")
            for second in 0..<seconds {
                for node: Int64 in [1, 2] {
                    // Between 120 s and 300 s the hit ratio falls and node 1 evicts.
                    let bad = (120..<300).contains(second) && node == 1
                    let first = second == 0
                    try sample.run([
                        .integer(Int64(second) * 1000), .integer(node), .integer(bad ? 4000 : 300),
                        first ? .null : .integer(1000 + Int64(second % 50) * 10), first ? .null : .integer(bad ? 400 : 950),
                        first ? .null : .integer(bad ? 600 : 50), first ? .null : .integer(bad ? 25 : 0), .integer(0),
                        .integer(500_000_000 + Int64(second) * 500_000), .integer(12), .integer(0), .integer(10_000),
                    ])
                }
            }
            try db.execute(
                """
                INSERT INTO alerts VALUES (125000, 1, 'hit ratio below 80%', 'warning', 'firing', '40%'),
                  (130000, 1, 'evictions above 10/s', 'critical', 'firing', '25/s'),
                  (290000, 1, 'evictions above 10/s', 'critical', 'resolved', NULL),
                  (305000, 1, 'hit ratio below 80%', 'warning', 'resolved', NULL);
                INSERT INTO events VALUES (200000, 2, 'failover', NULL, '10.0.0.2:6379 promoted | <b>new master</b>');
                """)
            try db.prepare("INSERT INTO actions VALUES (?, 1, 'expire', ?, 1, 'done', 'ttl 60s')").run([.integer(150_000), .blob(Self.hostileKey)])
            let prefix = try db.prepare("INSERT INTO prefixes VALUES (?, ?, ?, ?, ?, 0)")
            for (t, scale) in [(Int64(0), Int64(1)), (Int64(seconds - 1) * 1000, Int64(3))] {
                try prefix.run([.integer(t), .integer(1), .blob(Array("user:".utf8)), .integer(1000 * scale), .integer(4_000_000 * scale)])
                try prefix.run([.integer(t), .integer(2), .blob(Array("user:".utf8)), .integer(1000 * scale), .integer(4_000_000 * scale)])
                try prefix.run([.integer(t), .integer(1), .blob(Self.hostileKey), .integer(5), .integer(1000)])
            }
        }
    }

    func remove() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
