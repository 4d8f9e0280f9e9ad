import Foundation
import Inspector
import Recording
import Testing

/// The reader on a recording written row by row as docs/recording.md describes it.
@Suite("Recording reader: windows, counters, gaps")
struct RecordingReaderTests {
    /// A recording of one node: samples each second from t=0 to 9 s, 100 ops and 9 hits / 1 miss a
    /// second, a failure at 5 s (NULL increments after it), an alert firing at 3 s and resolving at 7 s.
    private func makeRecording() throws -> (String, SQLiteDatabase) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-\(UUID().uuidString)-reader.db").path
        let db = try SQLiteDatabase.createRecording(path: path, startedAtMilliseconds: 1_700_000_000_000, meta: ["label": "test", "interval_ms": "1000"])
        try db.execute("INSERT INTO nodes VALUES (0, '127.0.0.1:6379', 0)")
        try db.execute("INSERT INTO node_states VALUES (0, 0, 'master', 1000000, 'allkeys-lru', 'redis', '7.0.15')")
        let insert = try db.prepare("INSERT INTO samples VALUES (?, 0, 250, ?, ?, ?, 0, 0, 5000, 3, 0, 42, ?)")
        for second in 0..<10 {
            let t = Int64(second) * 1000
            let unknown = second == 0 || second == 6
            func counter(_ v: Int64) -> SQLiteValue { unknown || second == 5 ? .null : .integer(v) }
            try insert.run([.integer(t), counter(100), counter(9), counter(1), second == 5 ? .text("connection refused") : .null])
        }
        try db.execute("INSERT INTO alerts VALUES (3000, 0, 'hit-ratio-low', 'warning', 'firing', NULL), (7000, 0, 'hit-ratio-low', 'warning', 'resolved', NULL)")
        try db.execute("INSERT INTO actions VALUES (4000, 0, 'expire', X'757365723a1b5b33316d', 1, 'done', NULL)")
        try db.execute("INSERT INTO events VALUES (2000, 0, 'topology', NULL, 'primary changed')")
        try db.execute("INSERT INTO channels VALUES (1000, 0, CAST('inv' AS BLOB), 4), (2000, 0, CAST('inv' AS BLOB), 6), (2000, 0, CAST('other' AS BLOB), 1)")
        try db.execute("INSERT INTO prefixes VALUES (0, 0, CAST('user:' AS BLOB), 10, 100, 0), (6000, 0, CAST('user:' AS BLOB), 20, 300, 1)")
        return (path, db)
    }

    @Test("counters are rebuilt into running totals that give the recorded rates, and NULLs start new series")
    func cumulative() throws {
        let (path, _) = try makeRecording()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try RecordingReader(path: path)
        #expect(reader.startedAtMilliseconds == 1_700_000_000_000)
        #expect(reader.nodes.map(\.address) == ["127.0.0.1:6379"])
        #expect(try reader.bounds() == 0...9000)
        let samples = try reader.samples(from: 0, through: 9000)
        #expect(samples.map(\.ops) == [0, 100, 200, 300, 400, 0, 0, 100, 200, 300])
        #expect(samples.map(\.series) == [0, 0, 0, 0, 0, 1, 2, 2, 2, 2])
        #expect(samples[5].error == "connection refused")
        // As the dashboard's samples: rates of 100 ops/s and a 90% hit ratio, none across the gap.
        let states = try reader.nodeStates(at: 9000)
        var health = NodeHealth(address: "a")
        var ratios: [Double?] = []
        for sample in samples {
            switch sample.outcome(state: states[0]) {
            case .sample(let s): health.record(s)
            case .failure(let error, let at): health.recordFailure(error, at: at)
            }
            ratios.append(health.rates?.hitRatio)
        }
        #expect(ratios.map { $0.map { ($0 * 100).rounded() } } == [nil, 90, 90, 90, 90, nil, nil, 90, 90, 90])
        #expect(health.rates?.opsPerSecond == 100)
        #expect(health.latest?.maxMemory == 1_000_000)
        #expect(health.latest?.role == "master")
    }

    @Test("a window starts its totals at its own first row")
    func window() throws {
        let (path, _) = try makeRecording()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try RecordingReader(path: path)
        let samples = try reader.samples(from: 2000, through: 4000)
        #expect(samples.map(\.t) == [2000, 3000, 4000])
        #expect(samples.map(\.hits) == [0, 9, 18])
        #expect(try reader.samples(from: 20_000, through: 30_000).isEmpty)
    }

    @Test("alerts, actions, events, channels and prefixes as at a moment")
    func tables() throws {
        let (path, _) = try makeRecording()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try RecordingReader(path: path)
        #expect(try reader.alertMoments() == [3000, 7000])
        #expect(try reader.alerts().map(\.state) == ["firing", "resolved"])
        let entries = try reader.entries(through: 4000)
        #expect(entries.map(\.kind) == ["topology", "expire"])
        #expect(entries[1].target == Array("user:\u{1b}[31m".utf8))
        #expect(try reader.entries(through: 3000).count == 1)
        #expect(try reader.entries(through: 9000, limit: 1).map(\.kind) == ["expire"])
        let channels = try reader.channels(from: 1000, through: 2000)
        #expect(channels.map(\.channel) == [Array("inv".utf8), Array("other".utf8)])
        #expect(channels.map(\.messages) == [10, 1])
        #expect(try reader.prefixes(at: 5000).map(\.memory) == [100])
        #expect(try reader.prefixes(at: 6000).map(\.estimated) == [true])
    }
}

@Suite("Recording reader: windows that continue")
struct RecordingReaderContinuationTests {
    @Test("a window continuing the one before carries its totals and series on")
    func continuing() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-\(UUID().uuidString)-next.db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = try SQLiteDatabase.createRecording(path: path, startedAtMilliseconds: 0, meta: [:])
        try db.execute("INSERT INTO nodes VALUES (0, 'a:1', 0)")
        try db.execute("INSERT INTO samples (t, node, ops, hits, misses, evicted, expired) VALUES (0, 0, NULL, NULL, NULL, NULL, NULL), (1000, 0, 5, 1, 1, 0, 0), (2000, 0, 5, 1, 1, 0, 0)")
        let reader = try RecordingReader(path: path)
        let first = try reader.samples(from: 0, through: 1000)
        let next = try reader.samples(from: 1001, through: 2000, continuing: [0: try #require(first.last)])
        #expect(next.map(\.ops) == [10])
        #expect(next.map(\.series) == [0])
        #expect(try reader.samples(from: 1001, through: 2000).map(\.ops) == [0])
    }
}
