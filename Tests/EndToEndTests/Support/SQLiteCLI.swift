import Foundation

/// Reads a recording as anyone would: with the `sqlite3` command-line shell.
enum SQLiteCLI {
    /// The output of `sql` on the file at `path` (`|`-separated columns, a row a line), trimmed.
    static func query(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-readonly", path, sql]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TmuxSession.Failure(description: "sqlite3 \(path) \"\(sql)\" failed: \(text)")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `sql`'s single integer answer.
    static func integer(_ path: String, _ sql: String) throws -> Int {
        let text = try query(path, sql)
        guard let value = Int(text) else { throw TmuxSession.Failure(description: "not an integer from \"\(sql)\": \(text)") }
        return value
    }
}
