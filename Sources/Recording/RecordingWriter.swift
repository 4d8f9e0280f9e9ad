import Dispatch
import Synchronization

/// Writes a recording: rows are queued from any thread and committed by the writer's own serial
/// queue in one transaction every ``flushInterval`` (never on the caller's thread, so the UI loop
/// never waits for the disk). A `kill -9` loses at most the rows of the last interval or two.
public final class RecordingWriter: Sendable {
    /// How often queued rows are committed.
    public static let flushInterval: Double = 0.5

    /// The file written.
    public let path: String
    /// The recording's start, wall clock, milliseconds since 1970 (`meta.started_at_ms`).
    public let startedAtMilliseconds: Int64
    private let queue = DispatchQueue(label: "cachescope.recording")
    private let pending = Mutex<[RecordingRow]>([])
    private let state: Mutex<WriterState>

    private struct WriterState: @unchecked Sendable {
        // Touched only on `queue` (the lock makes that visible to the checker, and is uncontended).
        var database: SQLiteDatabase?
        var statements: RecordingStatements?
        var rowsWritten = 0
        var lastError: String?
        var closed = false
    }

    /// Creates the file at `path` (it must not hold a recording already) and starts committing.
    /// - Parameter meta: extra `meta` rows (`label`, `cachescope_version`, `interval_ms`); never a password.
    public init(path: String, startedAtMilliseconds: Int64, meta: [String: String]) throws {
        self.path = path
        self.startedAtMilliseconds = startedAtMilliseconds
        let database = try SQLiteDatabase.createRecording(path: path, startedAtMilliseconds: startedAtMilliseconds, meta: meta)
        state = Mutex(WriterState(database: database, statements: try RecordingStatements(database)))
        scheduleFlush()
    }

    /// The next commit, ``flushInterval`` from now, on `queue`; stops once closed.
    private func scheduleFlush() {
        queue.asyncAfter(deadline: .now() + Self.flushInterval) { [weak self] in
            guard let self, !self.state.withLock({ $0.closed }) else { return }
            self.flush()
            self.scheduleFlush()
        }
    }

    /// Milliseconds since the recording started, for a wall-clock time in milliseconds.
    public func t(wallMilliseconds: Int64) -> Int64 { max(0, wallMilliseconds - startedAtMilliseconds) }

    /// Queues rows for the next commit; callable from any thread, returns at once.
    public func append(_ rows: [RecordingRow]) {
        guard !rows.isEmpty else { return }
        pending.withLock { $0 += rows }
    }

    /// Rows committed so far, and the last error (a full disk…), if any.
    public var progress: (rowsWritten: Int, lastError: String?) {
        queue.sync { state.withLock { ($0.rowsWritten, $0.lastError) } }
    }

    /// Commits what is queued now and waits for it (tests, `:record stop`, shutdown).
    public func sync() { queue.sync { flush() } }

    /// Commits what is queued, checkpoints the WAL into the file and closes it; later rows are dropped.
    public func close() {
        queue.sync {
            flush()
            state.withLock { state in
                state.closed = true
                try? state.database?.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                state.statements = nil
                state.database = nil
            }
        }
    }

    /// On `queue`: one transaction for everything queued.
    private func flush() {
        let rows = pending.withLock { rows in
            defer { rows = [] }
            return rows
        }
        guard !rows.isEmpty else { return }
        state.withLock { state in
            guard let database = state.database, let statements = state.statements else { return }
            do {
                try database.transaction { for row in rows { try statements.insert(row) } }
                state.rowsWritten += rows.count
            } catch {
                state.lastError = "\(error)"
            }
        }
    }
}
