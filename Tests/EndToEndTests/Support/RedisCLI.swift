import Foundation

/// Debian's `redis-cli` against a test server, for what the end-to-end tests check or write
/// outside the program under test.
enum RedisCLI {
    /// Runs `redis-cli -p PORT ARGUMENTS…` and returns its output, trimmed.
    static func output(_ port: Int, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/redis-cli")
        process.arguments = ["-p", String(port)] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
