import Foundation
import Synchronization

/// A private `redis-server` (or the `valkey-server` that ``ServerBinary`` names) on a free loopback
/// port, in its own temporary directory, with persistence off (`--save '' --appendonly no`).
/// Used by the tests, the demo and the benchmarks.
///
/// The process is stopped by pid (never by name) in ``stop()`` and when the value is deinitialised.
public final class LocalRedisServer: Sendable {
    /// The TCP port (the TLS port when started with certificates; plain TCP is then off).
    public let port: Int
    /// The server's working directory (log file `redis.log`).
    public let directory: String
    /// The certificates the server was started with, if any.
    public let tls: TLSCertificates?
    /// The arguments appended after the defaults (e.g. `["--requirepass", "secret"]`).
    public let extraArguments: [String]

    private let process: Mutex<ChildProcess?>

    /// `127.0.0.1:<port>`.
    public var endpointDescription: String { "127.0.0.1:\(port)" }

    /// The running server's pid, or 0 when stopped.
    public var pid: Int32 {
        process.withLock { $0?.isRunning == true ? $0!.pid : 0 }
    }

    /// The path of the server's log file.
    public var logPath: String { directory + "/redis.log" }

    private init(port: Int, directory: String, tls: TLSCertificates?, extraArguments: [String], process: ChildProcess) {
        self.port = port
        self.directory = directory
        self.tls = tls
        self.extraArguments = extraArguments
        self.process = Mutex(process)
    }

    deinit {
        process.withLock { $0?.terminate() }
    }

    /// The path of the server program: ``ServerBinary/current()`` (`$CACHESCOPE_TEST_SERVER`, or
    /// `redis-server` on `PATH`).
    /// - Throws: ``LocalRedisError`` when that program is missing.
    public static func executablePath() throws -> String {
        try ServerBinary.current().path
    }

    /// Starts a server and waits until it answers.
    ///
    /// - Parameters:
    ///   - extraArguments: more `redis-server` arguments, appended last (so they win), e.g.
    ///     `["--requirepass", "secret"]` or `["--user", "reader", "on", ">pw", "+get", "~*"]`.
    ///   - tls: certificates to serve TLS with (`--tls-port`, plain port off, client certificates optional).
    /// - Throws: ``LocalRedisError`` when redis-server is missing or does not become ready.
    public static func start(_ extraArguments: [String] = [], tls: TLSCertificates? = nil) throws -> LocalRedisServer {
        let executable = try executablePath()
        let directory = try TemporaryDirectory.make(prefix: "cachescope-redis")
        var lastError: any Error = LocalRedisError("redis-server did not start")
        // The free port is released before redis binds it; retry if another process takes it.
        for _ in 0..<5 {
            let port = try FreePort.find()
            do {
                let process = try launch(executable, port: port, directory: directory, tls: tls, extraArguments: extraArguments)
                return LocalRedisServer(port: port, directory: directory, tls: tls, extraArguments: extraArguments, process: process)
            } catch {
                lastError = error
            }
        }
        throw lastError
    }

    /// Stops the server: SIGTERM, wait up to 5 s, then SIGKILL. Idempotent.
    public func stop() {
        process.withLock { current in
            current?.terminate()
            current = nil
        }
    }

    /// Stops the server if running and starts it again on the same port with the same arguments.
    /// The data set is empty afterwards (persistence is off).
    public func restart() throws {
        stop()
        let executable = try Self.executablePath()
        var lastError: any Error = LocalRedisError("redis-server did not restart")
        for _ in 0..<20 {
            do {
                let launched = try Self.launch(executable, port: port, directory: directory, tls: tls, extraArguments: extraArguments)
                process.withLock { $0 = launched }
                return
            } catch {
                // The old socket can linger for a moment; try again shortly.
                lastError = error
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        throw lastError
    }

    // MARK: - Process handling

    private static func arguments(port: Int, directory: String, tls: TLSCertificates?, extraArguments: [String]) -> [String] {
        var arguments = [
            "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory,
            "--logfile", directory + "/redis.log", "--daemonize", "no", "--protected-mode", "yes",
        ]
        if let tls {
            arguments += [
                "--port", "0", "--tls-port", String(port),
                "--tls-cert-file", tls.serverCertificatePath, "--tls-key-file", tls.serverKeyPath,
                "--tls-ca-cert-file", tls.caCertificatePath, "--tls-auth-clients", "optional",
            ]
        } else {
            arguments += ["--port", String(port)]
        }
        return arguments + extraArguments
    }

    private static func launch(
        _ executable: String, port: Int, directory: String, tls: TLSCertificates?, extraArguments: [String]
    ) throws -> ChildProcess {
        let logPath = directory + "/redis.log"
        try? FileManager.default.removeItem(atPath: logPath)
        let process = try ChildProcess.spawn(
            executable, arguments(port: port, directory: directory, tls: tls, extraArguments: extraArguments))
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            guard process.isRunning else {
                let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
                let reason = log.split(separator: "\n").last(where: { $0.contains("#") }).map(String.init) ?? "it exited (see \(logPath))"
                throw LocalRedisError("redis-server on port \(port) did not start: \(reason)")
            }
            let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            if log.contains("Ready to accept connections"), answers(port: port, tls: tls != nil) {
                return process
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.terminate()
        throw LocalRedisError("redis-server on port \(port) did not become ready within 10 s (log: \(logPath))")
    }

    /// Plain servers must answer `PING` (with `+PONG` or `-NOAUTH`); TLS servers must accept TCP.
    private static func answers(port: Int, tls: Bool) -> Bool {
        guard !tls else { return FreePort.accepts(port) }
        return PingProbe.ping(port: port)
    }
}
