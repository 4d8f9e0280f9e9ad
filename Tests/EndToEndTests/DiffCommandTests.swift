import Foundation
import Glibc
import LocalRedis
import Testing

/// `cachescope diff` on what the binary itself wrote against a real server: two snapshots of
/// each kind around a change, two moments of a recording, and input it must refuse.
@Suite("Diff command", .timeLimit(.minutes(2)))
struct DiffCommandTests {
    /// Runs the binary to completion: its status, standard output and standard error.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuildProducts.executable(named: "cachescope"))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (out, err) = (directory.appendingPathComponent("out"), directory.appendingPathComponent("err"))
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }

    /// A plain TCP client that names itself and stays connected until closed.
    static func idleClient(port: Int, name: String) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard connected == 0 else { throw TmuxSession.Failure(description: "connect to \(port) failed") }
        let command = Array("CLIENT SETNAME \(name)\r\n".utf8)
        _ = command.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var reply = [UInt8](repeating: 0, count: 16)
        _ = read(fd, &reply, reply.count)  // +OK: the name is set before the snapshot looks
        return fd
    }

    /// The rows of a `diff --json` output.
    static func rows(_ json: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(object["rows"] as? [[String: Any]])
    }

    @Test("snapshots before and after 500 keys, a policy change and five clients: diff names each change")
    func snapshots() async throws {
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let url = "redis://127.0.0.1:\(server.port)"
        let directory = NSTemporaryDirectory() + "cachescope-diff-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/cachescope", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let environment = ["XDG_CONFIG_HOME": directory, "XDG_STATE_HOME": directory]
        _ = try RedisCLI.output(server.port, ["EVAL", "for i=1,100 do redis.call('SET','user:'..i,'x') end", "0"])
        _ = try RedisCLI.output(server.port, ["SET", "evil\u{1b}[31m:1", "x"])
        _ = try RedisCLI.output(server.port, ["CONFIG", "SET", "maxmemory-policy", "noeviction"])
        func snapshot(_ name: String, _ flags: [String]) throws -> String {
            let result = try Self.run(["snapshot", "--json", "--interval", "0.2"] + flags + [url], environment: environment)
            #expect(result.status == 0, "\(result.err)")
            let path = directory + "/" + name
            try result.out.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let (a, keysA, clientsA) = (try snapshot("a.json", []), try snapshot("keys-a.json", ["--keys"]), try snapshot("clients-a.json", ["--clients"]))
        _ = try RedisCLI.output(server.port, ["EVAL", "for i=1,500 do redis.call('SET','order:'..i,string.rep('x',200)) end", "0"])
        _ = try RedisCLI.output(server.port, ["SET", "evil\u{1b}[31m:2", "x"])
        _ = try RedisCLI.output(server.port, ["CONFIG", "SET", "maxmemory-policy", "allkeys-lru"])
        let clients = try (0..<5).map { _ in try Self.idleClient(port: server.port, name: "diffworker") }
        defer { for fd in clients { close(fd) } }
        let (b, keysB, clientsB) = (try snapshot("b.json", []), try snapshot("keys-b.json", ["--keys"]), try snapshot("clients-b.json", ["--clients"]))

        let text = try Self.run(["diff", a, b])
        #expect(text.status == 0, "\(text.err)")
        for expected in ["maxmemory-policy", "noeviction", "allkeys-lru", "+501", "connected clients", "+5"] { #expect(text.out.contains(expected), "\(expected) in \(text.out)") }
        let rows = try Self.rows(try Self.run(["diff", "--json", a, b]).out)
        #expect(rows.contains { $0["section"] as? String == "config" && $0["name"] as? String == "maxmemory-policy" && $0["after"] as? String == "allkeys-lru" })
        #expect(rows.contains { $0["section"] as? String == "keys" && $0["delta"] as? Double == 501 })
        #expect(rows.contains { $0["name"] as? String == "connected clients" && $0["delta"] as? Double == 5 })
        #expect(rows.contains { $0["section"] as? String == "commands" && $0["name"] as? String == "eval" })

        let keys = try Self.run(["diff", keysA, keysB])
        #expect(keys.status == 0, "\(keys.err)")
        #expect(keys.out.contains("order:") && keys.out.contains("added"), "\(keys.out)")
        // The hostile prefix's key count changed: it is listed, escaped, and no raw ESC is printed.
        #expect(keys.out.contains("evil\\x1b[31m:"), "\(keys.out)")
        #expect(!keys.out.utf8.contains(0x1b))
        let keyRows = try Self.rows(try Self.run(["diff", "--json", keysA, keysB]).out)
        #expect(keyRows.contains { $0["section"] as? String == "keys" && $0["name"] as? String == "order:" && $0["after"] as? String == "500" })

        let groups = try Self.run(["diff", clientsA, clientsB])
        #expect(groups.status == 0, "\(groups.err)")
        #expect(groups.out.contains("diffworker @127.0.0.1"), "\(groups.out)")

        // Bad input: one line on stderr, status 2.
        try "{\"hello\":1}".write(toFile: directory + "/other.json", atomically: true, encoding: .utf8)
        try "{nope".write(toFile: directory + "/broken.json", atomically: true, encoding: .utf8)
        for (arguments, message) in [
            ([a, directory + "/missing.json"], "no such file"), ([a, directory + "/broken.json"], "not valid JSON"),
            ([a, directory + "/other.json"], "not a cachescope snapshot"), ([a, keysB], "compare two snapshots of one kind"),
            ([a, directory + "/x.db@14:00"], "a snapshot and"),
        ] {
            let result = try Self.run(["diff"] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.err.contains(message) && result.err.split(separator: "\n").count == 1, "\(result.err)")
        }
    }
}
