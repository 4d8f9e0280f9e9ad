import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A redis-server behind a sick network, from `scripts/netns-harness.sh`: two network namespaces
/// joined by a veth pair, a delaying relay in front of the server, nftables loss and partitions.
/// cachescope runs in the client's namespace (`clientPrefix`); the test reads the server through
/// its own loopback (`redisCLI`), which no fault touches. Call `down()` at the end of a test (it
/// also runs on deinit); a harness left behind by a killed run is swept by the next `up`.
final class NetworkHarness: @unchecked Sendable {
    /// The harness's name, unique per test process and harness.
    let name: String
    /// The address and port a client in the client's namespace dials (the relay).
    let address: String
    let port: Int
    /// The namespaces' names.
    let serverNamespace: String
    let clientNamespace: String
    /// The redis-server's pid (in the host's pid namespace: /proc works on it).
    let redisPID: Int32
    private let lock = NSLock()
    private var isDown = false

    private static let script = BuildProducts.packageRoot.appendingPathComponent("scripts/netns-harness.sh").path

    /// Makes the namespaces and starts the server and a relay that holds each chunk `delayMilliseconds`
    /// each way (± `jitterMilliseconds`).
    /// - Throws: the harness's own message when the machine cannot make namespaces (it says what it needs).
    init(delayMilliseconds: Int, jitterMilliseconds: Int = 0) throws {
        name = "cs\(getpid() % 100_000)-\(UUID().uuidString.prefix(4).lowercased())"
        var environment = ProcessInfo.processInfo.environment
        environment["NETNS_HARNESS_OWNER"] = String(getpid())
        let result = try CleanSpawn.run(
            "/bin/bash", [Self.script, "up", name, String(delayMilliseconds), String(jitterMilliseconds)], environment: environment)
        guard result.status == 0 else {
            throw TmuxSession.Failure(
                description: "the bad-network harness could not start (\(result.status)): \(result.errors)\(result.output)"
                    + "\nIt needs root (CAP_SYS_ADMIN, CAP_NET_ADMIN), iproute2, nftables and python3.")
        }
        var values: [String: String] = [:]
        for line in result.output.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        guard let address = values["SERVER_ADDR"], let port = values["PORT"].flatMap(Int.init),
            let server = values["SERVER_NS"], let client = values["CLIENT_NS"], let pid = values["REDIS_PID"].flatMap(Int32.init)
        else {
            _ = try? CleanSpawn.run("/bin/bash", [Self.script, "down", name], environment: environment)
            throw TmuxSession.Failure(description: "the bad-network harness printed an unexpected answer:\n\(result.output)")
        }
        self.address = address
        self.port = port
        serverNamespace = server
        clientNamespace = client
        redisPID = pid
    }

    deinit { down() }

    /// The server as a client in the client's namespace names it.
    var uri: String { "redis://\(address):\(port)" }

    /// Prefixes a shell command so it runs in the client's namespace.
    var clientPrefix: String { "ip netns exec \(clientNamespace)" }

    /// Drops `percent`% of the packets in each direction (0: none).
    func loss(_ percent: Int) throws { try harness("loss", String(percent)) }

    /// Drops every packet, silently (no reset), or stops doing so.
    func partition(_ on: Bool) throws { try harness("partition", on ? "on" : "off") }

    /// Connection attempts (SYNs) that reached the server's side so far, those a partition dropped included.
    func syns() throws -> Int {
        let result = try CleanSpawn.run("/bin/bash", [Self.script, "syns", name], environment: ProcessInfo.processInfo.environment)
        guard result.status == 0, let count = Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TmuxSession.Failure(description: "netns-harness syns failed: \(result.errors)")
        }
        return count
    }

    /// Runs redis-cli against the server through its own loopback (no fault in the way).
    @discardableResult
    func redisCLI(_ arguments: [String]) throws -> String {
        let result = try CleanSpawn.run(
            "/usr/sbin/ip", ["netns", "exec", serverNamespace, "redis-cli", "-p", "6379"] + arguments,
            environment: ProcessInfo.processInfo.environment)
        guard result.status == 0 else { throw TmuxSession.Failure(description: "redis-cli \(arguments) failed: \(result.errors)") }
        return result.output
    }

    /// Runs raw RESP into the server with `redis-cli --pipe`, through its loopback.
    func pipe(_ commands: [[[UInt8]]]) throws {
        let payload = Data(commands.flatMap(RawRedis.encode))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-pipe-\(UUID().uuidString)")
        try payload.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CleanSpawn.run(
            "/bin/sh", ["-c", "ip netns exec \(serverNamespace) redis-cli -p 6379 --pipe < \(TmuxSession.shellQuote(file.path))"],
            environment: ProcessInfo.processInfo.environment)
        guard result.status == 0, result.output.contains("errors: 0") else {
            throw TmuxSession.Failure(description: "redis-cli --pipe failed: \(result.output)\(result.errors)")
        }
    }

    /// One field of `INFO` as an integer.
    func info(_ field: String) throws -> Int? {
        let text = try redisCLI(["INFO"])
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix(field + ":") {
            return Int(line.dropFirst(field.count + 1))
        }
        return nil
    }

    /// Undoes everything the harness made. Safe to call more than once.
    func down() {
        let first = lock.withLock { () -> Bool in
            defer { isDown = true }
            return !isDown
        }
        guard first else { return }
        _ = try? CleanSpawn.run("/bin/bash", [Self.script, "down", name], environment: ProcessInfo.processInfo.environment)
    }

    private func harness(_ arguments: String...) throws {
        let result = try CleanSpawn.run("/bin/bash", [Self.script] + arguments.prefix(1) + [name] + arguments.dropFirst(), environment: ProcessInfo.processInfo.environment)
        guard result.status == 0 else { throw TmuxSession.Failure(description: "netns-harness \(arguments) failed: \(result.errors)") }
    }
}
