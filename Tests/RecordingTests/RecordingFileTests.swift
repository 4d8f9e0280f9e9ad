import Foundation
import Recording
import Testing

/// A recording file is recognised by its application id and refused when it is newer than this
/// build, with an error that says what to do.
@Suite("Recording file: schema and version")
struct RecordingFileTests {
    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-\(UUID().uuidString)-\(name)").path
    }

    @Test("a new recording opens, in WAL mode, with its meta rows")
    func createAndOpen() throws {
        let path = temporaryPath("new.db")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try SQLiteDatabase.createRecording(path: path, startedAtMilliseconds: 1_700_000_000_000, meta: ["label": "local"])
        let mode = try writer.rows("PRAGMA journal_mode") { $0.text(0) }.first ?? nil
        #expect(mode == "wal")
        let reader = try SQLiteDatabase.openRecording(path: path)
        let meta = Dictionary(uniqueKeysWithValues: try reader.rows("SELECT key, value FROM meta") { ($0.text(0) ?? "", $0.text(1) ?? "") })
        #expect(meta["schema_version"] == "1")
        #expect(meta["started_at_ms"] == "1700000000000")
        #expect(meta["label"] == "local")
    }

    @Test("a file from a newer schema version is refused with a clear error")
    func newerVersion() throws {
        let path = temporaryPath("newer.db")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try SQLiteDatabase.createRecording(path: path, startedAtMilliseconds: 0, meta: [:])
        try writer.execute("PRAGMA user_version = \(RecordingSchema.version + 1)")
        #expect(throws: RecordingFileError.newerVersion(path: path, version: RecordingSchema.version + 1)) {
            try SQLiteDatabase.openRecording(path: path)
        }
    }

    @Test("a text file and a foreign SQLite file are not recordings")
    func notRecordings() throws {
        let text = temporaryPath("text.db")
        let foreign = temporaryPath("foreign.db")
        defer {
            try? FileManager.default.removeItem(atPath: text)
            try? FileManager.default.removeItem(atPath: foreign)
        }
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: text))
        try SQLiteDatabase(path: foreign, create: true).execute("CREATE TABLE t (x)")
        for path in [text, foreign] {
            do {
                _ = try SQLiteDatabase.openRecording(path: path)
                Issue.record("\(path) opened as a recording")
            } catch let error as RecordingFileError {
                guard case .notARecording = error else {
                    Issue.record("wrong error \(error)")
                    continue
                }
                #expect("\(error)".contains("is not a cachescope recording"))
            }
        }
    }
}
