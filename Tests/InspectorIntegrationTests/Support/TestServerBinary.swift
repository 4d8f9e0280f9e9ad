// Which server binary the real-server tests run on: CACHESCOPE_TEST_SERVER, or redis-server from PATH.
import Foundation
import LocalRedis
import Synchronization
import Testing

/// The server matrix (Redis 7.0, Redis 8.2, Valkey 8.1) runs the same tests on another binary:
/// `CACHESCOPE_TEST_SERVER=/path/to/redis-server` (or `valkey-server`). Unset, the tests use
/// `redis-server` from `PATH`. Set but wrong (missing, not executable, not a server), every test
/// that asks fails with a message saying so — never a silent run on some other server.
///
/// Until LocalRedis reads the variable itself, ``prepare()`` puts a directory holding a
/// `redis-server` link to the binary first on this process's `PATH`, which LocalRedis searches.
enum TestServerBinary {
    static let variable = "CACHESCOPE_TEST_SERVER"

    /// Whether `CACHESCOPE_TEST_SERVER` names a binary: a run of the server matrix, not the default server.
    static var isOverridden: Bool { !(ProcessInfo.processInfo.environment[variable] ?? "").isEmpty }

    /// The binary's `--version` line, once prepared (or the PATH server's).
    private static let prepared = Mutex<Result<String, TestServerError>?>(nil)

    /// Makes the chosen binary the one LocalRedis starts; idempotent.
    /// - Returns: its `--version` line (e.g. `Redis server v=8.2.3 …`).
    /// - Throws: ``TestServerError`` with what is wrong with the variable or the binary.
    @discardableResult
    static func prepare() throws -> String {
        let result = prepared.withLock { state -> Result<String, TestServerError> in
            if let state { return state }
            let outcome: Result<String, TestServerError>
            do throws(TestServerError) { outcome = .success(try choose()) } catch { outcome = .failure(error) }
            state = outcome
            return outcome
        }
        return try result.get()
    }

    private static func choose() throws(TestServerError) -> String {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment[variable], !path.isEmpty else {
            guard let found = ExecutableLookup.find("redis-server") else {
                throw TestServerError(message: "\(variable) is unset and no redis-server is on PATH: install redis-server or set \(variable)")
            }
            return try version(of: found)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw TestServerError(message: "\(variable)=\(path): no such file")
        }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TestServerError(message: "\(variable)=\(path): not executable")
        }
        let line = try version(of: path)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-test-server-\(getpid())").path
        try? FileManager.default.removeItem(atPath: directory)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: directory + "/redis-server", withDestinationPath: path)
        } catch {
            throw TestServerError(message: "\(variable)=\(path): could not link it for LocalRedis: \(error)")
        }
        setenv("PATH", directory + ":" + (environment["PATH"] ?? ""), 1)
        guard ExecutableLookup.find("redis-server") == directory + "/redis-server" else {
            throw TestServerError(message: "\(variable)=\(path): LocalRedis would not find it first on PATH")
        }
        return line
    }

    /// Runs `path --version` and checks it names a Redis or Valkey server.
    private static func version(of path: String) throws(TestServerError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--version"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw TestServerError(message: "\(path) --version did not run: \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let line = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, line.hasPrefix("Redis server v=") || line.hasPrefix("Valkey server v=") else {
            throw TestServerError(message: "\(path) is not a Redis or Valkey server (--version said \"\(line)\")")
        }
        return line
    }

    /// The version the binary reports (`8.2.3`), for checking the started server is that one.
    static func versionNumber() throws -> String {
        let line = try prepare()
        guard let range = line.range(of: "v=") else { return "" }
        return String(line[range.upperBound...].prefix { $0 != " " })
    }
}

/// What is wrong with the chosen test server.
struct TestServerError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
