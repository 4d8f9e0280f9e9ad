import Foundation
import Recording
import Testing

/// The writer commits on its own every half second, keeps key names and channels as bytes, and
/// leaves a checkpointed file when closed.
@Suite("Recording writer")
struct RecordingWriterTests {
    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-\(UUID().uuidString)-\(name)").path
    }

    private func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test("rows appended are committed within a second, without asking, and readable by another connection")
    func commitsOnItsOwn() async throws {
        let path = temporaryPath("batches.db")
        defer { remove(path) }
        let writer = try RecordingWriter(path: path, startedAtMilliseconds: 1_000, meta: ["label": "unit"])
        writer.append([.node(node: 0, address: "127.0.0.1:6379", t: 0), .sample(SampleRow(t: 5, node: 0, latencyMicroseconds: 120, usedMemory: 1024))])
        let reader = try SQLiteDatabase.openRecording(path: path)
        #expect(try reader.rows("SELECT count(*) FROM samples") { $0.integer(0) } == [0], "nothing is written on the caller's thread")
        try await Task.sleep(for: .milliseconds(1200))
        #expect(try reader.rows("SELECT count(*) FROM samples") { $0.integer(0) } == [1])
        #expect(writer.progress.rowsWritten == 2)
        #expect(writer.progress.lastError == nil)
        writer.close()
    }

    @Test("NULL counters stay NULL, and a failure row holds only its error")
    func nullsAndFailures() throws {
        let path = temporaryPath("nulls.db")
        defer { remove(path) }
        let writer = try RecordingWriter(path: path, startedAtMilliseconds: 0, meta: [:])
        writer.append([
            .sample(SampleRow(t: 0, node: 0, latencyMicroseconds: 90, usedMemory: 10)),
            .sample(SampleRow(t: 1000, node: 0, latencyMicroseconds: 80, ops: 3, hits: 2, misses: 1, evicted: 0, expired: 0, usedMemory: 10)),
            .sample(SampleRow(t: 2000, node: 0, error: "connection refused")),
        ])
        writer.close()
        let reader = try SQLiteDatabase.openRecording(path: path)
        let rows = try reader.rows("SELECT t, ops IS NULL, used_memory IS NULL, error FROM samples ORDER BY t") {
            "\($0.integer(0)) \($0.integer(1)) \($0.integer(2)) \($0.text(3) ?? "-")"
        }
        #expect(rows == ["0 1 0 -", "1000 0 0 -", "2000 1 1 connection refused"])
    }

    @Test("a hostile key name, channel and prefix are stored as BLOBs, byte for byte")
    func hostileBytes() throws {
        let path = temporaryPath("hostile.db")
        defer { remove(path) }
        let hostile: [UInt8] = [0x1B, 0x5B, 0x32, 0x4A, 0xFF, 0x00, 0x07, 0x41]
        let writer = try RecordingWriter(path: path, startedAtMilliseconds: 0, meta: [:])
        writer.append([
            .action(t: 1, node: 0, action: "expire", target: hostile, keys: 1, outcome: "done", detail: "seconds=90"),
            .event(t: 2, node: 0, kind: "keyspace", key: hostile, detail: "expired"),
            .channel(t: 3, node: 0, channel: hostile, messages: 7),
            .prefix(t: 4, node: 0, prefix: hostile, keys: 2, memory: 100, estimated: true),
        ])
        writer.close()
        let reader = try SQLiteDatabase.openRecording(path: path)
        for (table, column) in [("actions", "target"), ("events", "key"), ("channels", "channel"), ("prefixes", "prefix")] {
            let stored = try reader.rows("SELECT typeof(\(column)), \(column) FROM \(table)") { ($0.text(0), $0.blob(1)) }
            #expect(stored.count == 1)
            #expect(stored.first?.0 == "blob", "\(table).\(column)")
            #expect(stored.first?.1 == hostile, "\(table).\(column)")
        }
    }

    @Test("close commits what is queued and folds the WAL into the file")
    func closeCheckpoints() throws {
        let path = temporaryPath("close.db")
        defer { remove(path) }
        let writer = try RecordingWriter(path: path, startedAtMilliseconds: 0, meta: [:])
        writer.append((0..<500).map { .sample(SampleRow(t: Int64($0) * 1000, node: 0, latencyMicroseconds: 100)) })
        writer.close()
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0)
        let reader = try SQLiteDatabase.openRecording(path: path)
        #expect(try reader.rows("SELECT count(*) FROM samples") { $0.integer(0) } == [500])
        writer.append([.sample(SampleRow(t: 999_999, node: 0))])
        writer.sync()
        #expect(try reader.rows("SELECT count(*) FROM samples") { $0.integer(0) } == [500], "rows after close are dropped")
    }
}
