import CSQLite

/// Why SQLite refused: its own message, with the statement or file it was about.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// One SQLite connection. Not shared between threads: the writer and every reader open their own
/// (SQLite is built serialized on Debian; one connection per owner keeps the locking simple).
public final class SQLiteDatabase {
    let handle: OpaquePointer

    /// Opens (or, with `create`, creates) the file at `path`.
    public init(path: String, create: Bool, readOnly: Bool = false) throws {
        var db: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0))
        let code = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError("\(path): \(message)")
        }
        handle = db
        // A reader waits for a writer's checkpoint instead of failing at once.
        sqlite3_busy_timeout(db, 2000)
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs `sql` (one or more statements, no parameters, no rows wanted).
    public func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)
            throw SQLiteError(message)
        }
    }

    /// A prepared statement for `sql`; bind, step, read columns, reset to run it again.
    public func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw SQLiteError("\(lastError) in: \(sql)")
        }
        return SQLiteStatement(statement, database: self)
    }

    /// Runs `body` inside one transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// The rows of `sql` with `arguments` bound, each read by `row`.
    public func rows<T>(_ sql: String, _ arguments: [SQLiteValue] = [], _ row: (SQLiteStatement) throws -> T) throws -> [T] {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        var result: [T] = []
        while try statement.step() { result.append(try row(statement)) }
        return result
    }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }
}
