import Foundation
import Synchronization

/// One private Redis Sentinel (`redis-server CONFIG --sentinel`, or `valkey-server`) on a free
/// loopback port, with its own config file (Sentinel rewrites it) in its own temporary directory.
///
/// Stopped by pid in ``stop()`` and when deinitialised; ``kill()`` sends SIGKILL by pid.
public final class LocalRedisSentinel: Sendable {
    /// The TCP port.
    public let port: Int
    /// The working directory (config `sentinel.conf`, log `sentinel.log`).
    public let directory: String
    private let configuration: String
    private let tls: Bool
    private let process: Mutex<ChildProcess?>

    /// `127.0.0.1:<port>`.
    public var endpointDescription: String { "127.0.0.1:\(port)" }

    /// The running sentinel's pid, or 0 when stopped.
    public var pid: Int32 { process.withLock { $0?.isRunning == true ? $0!.pid : 0 } }

    /// The path of the log file.
    public var logPath: String { directory + "/sentinel.log" }

    private init(port: Int, directory: String, configuration: String, tls: Bool, process: ChildProcess) {
        self.tls = tls
        self.port = port
        self.directory = directory
        self.configuration = configuration
        self.process = Mutex(process)
    }

    deinit {
        process.withLock { $0?.terminate() }
    }

    /// Starts a sentinel with `lines` of configuration (after `port`, `bind`, `dir` and `logfile`)
    /// and waits until it answers `PING` (with `tls`, until it accepts connections on its TLS port;
    /// plain TCP is then off and the lines must name the certificates).
    /// - Throws: ``LocalRedisError`` when the server program is missing or the sentinel does not start.
    public static func start(configuration lines: [String], tls: Bool = false) throws -> LocalRedisSentinel {
        let executable = try ServerBinary.current().path
        let directory = try TemporaryDirectory.make(prefix: "cachescope-sentinel")
        var lastError: any Error = LocalRedisError("the sentinel did not start")
        for _ in 0..<5 {
            let port = try FreePort.find()
            let ports = tls ? ["port 0", "tls-port \(port)"] : ["port \(port)"]
            let text = (ports + ["bind 127.0.0.1", "dir \(directory)", "logfile \(directory)/sentinel.log", "daemonize no"] + lines).joined(separator: "\n") + "\n"
            do {
                let process = try launch(executable, configuration: text, directory: directory, port: port, tls: tls)
                return LocalRedisSentinel(port: port, directory: directory, configuration: text, tls: tls, process: process)
            } catch {
                lastError = error
            }
        }
        throw lastError
    }

    /// Stops the sentinel: SIGTERM, then SIGKILL after a grace period. Idempotent.
    public func stop() {
        process.withLock { current in
            current?.terminate()
            current = nil
        }
    }

    /// Starts the sentinel again on the same port with its original configuration.
    public func restart() throws {
        stop()
        let executable = try ServerBinary.current().path
        var lastError: any Error = LocalRedisError("the sentinel did not restart")
        for _ in 0..<20 {
            do {
                let launched = try Self.launch(executable, configuration: configuration, directory: directory, port: port, tls: tls)
                process.withLock { $0 = launched }
                return
            } catch {
                lastError = error
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        throw lastError
    }

    private static func launch(_ executable: String, configuration: String, directory: String, port: Int, tls: Bool) throws -> ChildProcess {
        let path = directory + "/sentinel.conf"
        try Data(configuration.utf8).write(to: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: directory + "/sentinel.log")
        let process = try ChildProcess.spawn(executable, [path, "--sentinel"])
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            guard process.isRunning else {
                let log = (try? String(contentsOfFile: directory + "/sentinel.log", encoding: .utf8)) ?? ""
                throw LocalRedisError("the sentinel on port \(port) did not start: \(log.split(separator: "\n").last.map(String.init) ?? "it exited")")
            }
            if tls ? FreePort.accepts(port) : PingProbe.ping(port: port) { return process }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.terminate()
        throw LocalRedisError("the sentinel on port \(port) did not answer within 10 s (log: \(directory)/sentinel.log)")
    }
}
