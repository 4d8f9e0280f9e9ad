import Foundation

/// What a process's descriptors are: its TCP connections, counted by the port they go to, and the
/// rest (the terminal, pipes, the event loops' epoll and event descriptors, files).
///
/// Why the soak splits them: a dashboard following a cluster opens a connection to a node when it
/// first needs one and closes it when the node stops being used (a demoted primary), so its
/// connections move by one or two with every failover while nothing leaks. A leak shows as a node
/// holding more connections than it has uses, or as the rest growing; the total alone cannot tell
/// a failover from a leak.
struct DescriptorCensus: Sendable {
    /// Every descriptor.
    var total: Int
    /// TCP connections by the remote port (the node's port).
    var connectionsByPort: [Int: Int]

    /// How many descriptors are TCP connections.
    var connections: Int { connectionsByPort.values.reduce(0, +) }
    /// Descriptors that are not TCP connections.
    var others: Int { total - connections }

    /// Takes the census of process `pid`, its sockets looked up in the calling process's network
    /// namespace (the soak runs the dashboard in its own).
    static func of(_ pid: Int32) -> DescriptorCensus {
        let directory = "/proc/\(pid)/fd"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var socketInodes: Set<Substring> = []
        for name in names {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/\(name)"),
                target.hasPrefix("socket:[")
            else { continue }
            socketInodes.insert(Substring(target.dropFirst("socket:[".count).dropLast()))
        }
        var byPort: [Int: Int] = [:]
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            for line in readAll(table).split(separator: "\n").dropFirst() {
                // sl local_address rem_address st tx_queue:rx_queue tr:when retrnsmt uid timeout inode
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                // A socket leaves the set when counted: the kernel writes the table a page at a time
                // while the load's connections come and go, so a line can be read twice.
                guard fields.count > 9, let portHex = fields[2].split(separator: ":").last, let port = Int(portHex, radix: 16),
                    socketInodes.remove(fields[9]) != nil
                else { continue }
                byPort[port, default: 0] += 1
            }
        }
        return DescriptorCensus(total: names.count, connectionsByPort: byPort)
    }

    /// The whole of a /proc file. Foundation's file reading goes by the size `stat` reports, which
    /// is 0 for /proc, and stops short of a long table (the soak's holds hundreds of connections).
    private static func readAll(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
