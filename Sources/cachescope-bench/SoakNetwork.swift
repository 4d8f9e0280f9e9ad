import Foundation
import LocalRedis

/// The soak's own network namespace, so its loss and partition episodes are real packet drops
/// (nftables on the namespace's loopback) that touch nothing but the soak. `cachescope-bench
/// soak` makes the namespace, runs itself again inside it (the cluster, the load, tmux and the
/// dashboard all live there) and deletes it when that ends. An episode drops the packets of one
/// node's client port, both ways, silently (no reset): the cluster bus (port + 10000) is left
/// alone, so the cluster does not fail the node over; its clients, cachescope among them, see a
/// partition or a lossy link.
enum SoakNetwork {
    /// Set inside the namespace to its name.
    static let namespaceVariable = "CACHESCOPE_SOAK_NETNS"
    private static let prefix = "cachescope-soak-"

    /// Whether this process runs inside the soak's namespace.
    static var isInside: Bool { ProcessInfo.processInfo.environment[namespaceVariable] != nil }

    /// Makes the namespace, runs this command again inside it, waits, deletes the namespace.
    /// - Returns: the inner run's exit status.
    static func runInsideOwnNamespace() throws -> Int32 {
        guard getuid() == 0 else { throw SoakError("the soak's loss and partition episodes need network namespaces: run it as root (CAP_SYS_ADMIN, CAP_NET_ADMIN)") }
        guard let ip = ExecutableLookup.find("ip"), ExecutableLookup.find("nft") != nil else {
            throw SoakError("the soak needs `ip` and `nft` (apt-get install iproute2 nftables)")
        }
        sweepOrphans(ip: ip)
        let name = prefix + String(getpid())
        try output(ip, ["netns", "add", name])
        defer { _ = try? output(ip, ["netns", "delete", name]) }
        try output(ip, ["-n", name, "link", "set", "lo", "up"])
        let inner = Process()
        inner.executableURL = URL(fileURLWithPath: ip)
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        inner.arguments = ["netns", "exec", name, "env", "\(namespaceVariable)=\(name)", executable] + CommandLine.arguments.dropFirst()
        try inner.run()
        inner.waitUntilExit()
        return inner.terminationStatus
    }

    /// Creates the episode table inside the namespace: an input hook on loopback jumping to an
    /// empty `episode` chain that the episodes fill and flush.
    static func prepare() throws {
        try nft(
            """
            table inet soak {
                chain episode { }
                chain input { type filter hook input priority 0; policy accept; iifname "lo" jump episode; }
            }
            """)
    }

    /// Drops every packet to and from `port` until ``heal()``.
    static func partition(port: Int) throws {
        try nft("add rule inet soak episode tcp dport \(port) counter drop\nadd rule inet soak episode tcp sport \(port) counter drop\n")
    }

    /// Drops `percent`% of the packets to and from `port`, at random, until ``heal()``.
    static func loss(port: Int, percent: Int) throws {
        try nft(
            "add rule inet soak episode tcp dport \(port) numgen random mod 100 < \(percent) counter drop\n"
                + "add rule inet soak episode tcp sport \(port) numgen random mod 100 < \(percent) counter drop\n")
    }

    /// Ends the episode: no packet dropped any more.
    /// - Returns: the packets its rules dropped (a check that they did).
    @discardableResult
    static func heal() throws -> Int {
        guard let nft = ExecutableLookup.find("nft") else { throw SoakError("`nft` is missing (apt-get install nftables)") }
        let listing = try output(nft, ["list", "chain", "inet", "soak", "episode"])
        try output(nft, ["flush", "chain", "inet", "soak", "episode"])
        return listing.split(separator: "\n").compactMap { line in
            line.range(of: "packets ").flatMap { Int(line[$0.upperBound...].prefix { $0.isNumber }) }
        }.reduce(0, +)
    }

    /// Namespaces of earlier soaks whose process is gone (a killed run).
    private static func sweepOrphans(ip: String) {
        guard let listing = try? output(ip, ["netns", "list"]) else { return }
        for line in listing.split(separator: "\n") {
            let name = String(line.split(separator: " ").first ?? "")
            guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count)), kill(pid, 0) != 0 else { continue }
            _ = try? output(ip, ["netns", "delete", name])
        }
    }

    private static func nft(_ script: String) throws {
        guard let nft = ExecutableLookup.find("nft") else { throw SoakError("`nft` is missing (apt-get install nftables)") }
        try output(nft, ["-f", "-"], input: script)
    }

    /// Runs `tool` and returns what it printed; throws with that text when it fails.
    @discardableResult
    private static func output(_ tool: String, _ arguments: [String], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw SoakError("\(tool) \(arguments.joined(separator: " ")) failed: \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return text
    }
}
