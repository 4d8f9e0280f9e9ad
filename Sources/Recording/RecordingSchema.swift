/// The tables of a recording file, version 1. `docs/recording.md` documents every column.
///
/// Times (`t`) are milliseconds since the recording started (`meta.started_at_ms`, wall clock):
/// small integers keep a sample row near 50 bytes, which is what bounds a day of 100 nodes.
/// Counters are stored as increments since the node's previous sample (NULL when unknown:
/// the first sample, or after a failure or a restart), so they stay one or two bytes.
public enum RecordingSchema {
    /// `PRAGMA application_id`: marks a SQLite file as a cachescope recording ("CSCP").
    public static let applicationID: Int32 = 0x4353_4350
    /// `PRAGMA user_version` of files this build writes; a file with a larger one is refused.
    public static let version: Int32 = 1

    /// Creates every table and index of version 1 (run once, on a new file).
    public static let create = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE nodes (node INTEGER PRIMARY KEY, address TEXT NOT NULL, first_t INTEGER NOT NULL);
        CREATE TABLE samples (
            t INTEGER NOT NULL, node INTEGER NOT NULL,
            latency_us INTEGER, ops INTEGER, hits INTEGER, misses INTEGER,
            evicted INTEGER, expired INTEGER, used_memory INTEGER, clients INTEGER,
            blocked INTEGER, keys INTEGER, error TEXT,
            PRIMARY KEY (t, node)
        ) WITHOUT ROWID;
        CREATE TABLE node_states (
            t INTEGER NOT NULL, node INTEGER NOT NULL, role TEXT, maxmemory INTEGER,
            policy TEXT, server TEXT, version TEXT, PRIMARY KEY (t, node)
        ) WITHOUT ROWID;
        CREATE TABLE alerts (
            t INTEGER NOT NULL, node INTEGER, rule TEXT NOT NULL, severity TEXT NOT NULL,
            state TEXT NOT NULL, detail TEXT
        );
        CREATE INDEX alerts_t ON alerts (t);
        CREATE TABLE actions (
            t INTEGER NOT NULL, node INTEGER, action TEXT NOT NULL, target BLOB,
            keys INTEGER, outcome TEXT NOT NULL, detail TEXT
        );
        CREATE INDEX actions_t ON actions (t);
        CREATE TABLE events (t INTEGER NOT NULL, node INTEGER, kind TEXT NOT NULL, key BLOB, detail TEXT);
        CREATE INDEX events_t ON events (t);
        CREATE TABLE channels (
            t INTEGER NOT NULL, node INTEGER NOT NULL, channel BLOB NOT NULL, messages INTEGER NOT NULL
        );
        CREATE INDEX channels_t ON channels (t);
        CREATE TABLE prefixes (
            t INTEGER NOT NULL, node INTEGER NOT NULL, prefix BLOB NOT NULL, keys INTEGER NOT NULL,
            memory INTEGER NOT NULL, estimated INTEGER NOT NULL
        );
        CREATE INDEX prefixes_t ON prefixes (t);
        """
}

/// Why a file cannot be read as a recording.
public enum RecordingFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a SQLite file, or a SQLite file of something else.
    case notARecording(path: String, reason: String)
    /// Written by a newer cachescope.
    case newerVersion(path: String, version: Int32)

    public var description: String {
        switch self {
        case .notARecording(let path, let reason): "\(path) is not a cachescope recording: \(reason)"
        case .newerVersion(let path, let version):
            "\(path) is a recording of schema version \(version); this cachescope reads up to version \(RecordingSchema.version): use a newer cachescope"
        }
    }
}

extension SQLiteDatabase {
    /// Opens an existing recording for reading, checking that it is one and that its version is known.
    public static func openRecording(path: String) throws -> SQLiteDatabase {
        let database: SQLiteDatabase
        do { database = try SQLiteDatabase(path: path, create: false, readOnly: true) } catch {
            throw RecordingFileError.notARecording(path: path, reason: "\(error)")
        }
        let application: Int64
        let version: Int64
        do {
            application = try database.rows("PRAGMA application_id") { $0.integer(0) }.first ?? 0
            version = try database.rows("PRAGMA user_version") { $0.integer(0) }.first ?? 0
        } catch {
            throw RecordingFileError.notARecording(path: path, reason: "\(error)")
        }
        guard application == Int64(RecordingSchema.applicationID) else {
            throw RecordingFileError.notARecording(path: path, reason: "no cachescope application id")
        }
        guard version <= Int64(RecordingSchema.version) else { throw RecordingFileError.newerVersion(path: path, version: Int32(version)) }
        return database
    }

    /// Creates a new recording at `path` (WAL mode, schema of this version).
    public static func createRecording(path: String, startedAtMilliseconds: Int64, meta: [String: String]) throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: path, create: true)
        // WAL: readers (a replay of a file still being written) never block the writer, and a
        // crash loses at most the batch being written. NORMAL sync is durable to the last commit
        // but a power loss, which is enough for evidence written once a second.
        try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        try database.transaction {
            try database.execute(RecordingSchema.create)
            try database.execute("PRAGMA application_id = \(RecordingSchema.applicationID); PRAGMA user_version = \(RecordingSchema.version)")
            let insert = try database.prepare("INSERT INTO meta (key, value) VALUES (?, ?)")
            var all = meta
            all["schema_version"] = "\(RecordingSchema.version)"
            all["started_at_ms"] = "\(startedAtMilliseconds)"
            for (key, value) in all.sorted(by: { $0.key < $1.key }) { try insert.run([.text(key), .text(value)]) }
        }
        return database
    }
}
