import Foundation
import Synchronization

/// The server program private servers are started from, with its name and version.
///
/// `CACHESCOPE_TEST_SERVER`, when set, names the program (a `redis-server` or `valkey-server`,
/// e.g. one of the servers `scripts/install-test-servers.sh` unpacks); otherwise it is
/// `redis-server` on `PATH`. A variable that names no executable file is an error, never a
/// silent fall-back to another server. Test processes print the server once to standard error
/// (`server: valkey 8.1.8 (/path/valkey-server)`), so every run says what it ran on.
public struct ServerBinary: Sendable, Equatable, CustomStringConvertible {
    /// The environment variable that names the server program.
    public static let environmentVariable = "CACHESCOPE_TEST_SERVER"

    /// The program's path.
    public let path: String
    /// `redis` or `valkey`, from the first word of `--version`, lowercased.
    public let name: String
    /// The version, e.g. `8.2.3`.
    public let version: String

    /// `valkey 8.1.8 (/path/valkey-server)`.
    public var description: String { "\(name) \(version) (\(path))" }

    /// Whether the version is at least `major.minor`.
    public func isAtLeast(_ major: Int, _ minor: Int = 0) -> Bool {
        let parts = version.split(separator: ".").map { Int($0) ?? 0 }
        let have = (parts.first ?? 0, parts.count > 1 ? parts[1] : 0)
        return have >= (major, minor)
    }

    /// The server of this process, found once (and announced once in a test process).
    /// - Throws: ``LocalRedisError`` when the variable names no executable, or no
    ///   `redis-server` is on `PATH`, or the program does not say its version.
    public static func current() throws -> ServerBinary {
        try resolved.withLock { cached in
            if let cached { return try cached.get() }
            let result = Result { try resolve(ProcessInfo.processInfo.environment) }
            cached = result
            if case .success(let binary) = result, isTestProcess {
                FileHandle.standardError.write(Data("server: \(binary)\n".utf8))
            }
            return try result.get()
        }
    }

    /// The server `environment` names, with its version read from `--version`.
    /// - Throws: ``LocalRedisError``, as ``current()``.
    public static func resolve(_ environment: [String: String]) throws -> ServerBinary {
        let path: String
        if let named = environment[environmentVariable], !named.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: named) else {
                throw LocalRedisError("\(environmentVariable)=\(named) is not an executable file: install the test servers (scripts/install-test-servers.sh) or unset it to use redis-server from PATH")
            }
            path = named
        } else {
            guard let found = ExecutableLookup.find("redis-server") else { throw LocalRedisError.redisServerMissing }
            path = found
        }
        let banner = try versionBanner(path)
        guard let parsed = parse(banner) else {
            throw LocalRedisError("\(path) --version said \"\(banner)\", not a redis-server or valkey-server banner")
        }
        return ServerBinary(path: path, name: parsed.name, version: parsed.version)
    }

    /// Name and version from a `--version` banner: `Redis server v=7.0.15 sha=…` or
    /// `Valkey server v=8.1.8 sha=…`.
    static func parse(_ banner: String) -> (name: String, version: String)? {
        let words = banner.split(separator: " ")
        guard let first = words.first, let version = words.first(where: { $0.hasPrefix("v=") })?.dropFirst(2), !version.isEmpty
        else { return nil }
        return (first.lowercased(), String(version))
    }

    private static let resolved = Mutex<Result<ServerBinary, any Error>?>(nil)

    /// A test bundle (`…PackageTests.xctest`) rather than the demo or a benchmark.
    private static var isTestProcess: Bool {
        CommandLine.arguments.first?.hasSuffix(".xctest") == true
    }

    private static func versionBanner(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--version"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw LocalRedisError("\(path) could not be run: \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw LocalRedisError("\(path) --version exited with status \(process.terminationStatus) (missing shared libraries? try ldd \(path))")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
