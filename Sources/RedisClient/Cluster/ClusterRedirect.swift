/// A cluster redirection error reply: `-MOVED slot host:port` (the slot lives elsewhere for good)
/// or `-ASK slot host:port` (this one command goes elsewhere, preceded by `ASKING`, mid-migration).
public enum ClusterRedirect: Sendable, Hashable {
    case moved(slot: Int, to: RedisEndpoint)
    case ask(slot: Int, to: RedisEndpoint)

    /// The node to go to.
    public var endpoint: RedisEndpoint {
        switch self {
        case .moved(_, let endpoint), .ask(_, let endpoint): return endpoint
        }
    }

    /// The slot redirected.
    public var slot: Int {
        switch self {
        case .moved(let slot, _), .ask(let slot, _): return slot
        }
    }

    /// Parses an error message (`MOVED 3999 127.0.0.1:6381`); nil for any other error.
    /// - Parameter replyingNode: an empty host (`MOVED 3999 :6381`) means the host of the node that replied.
    public static func parse(_ message: String, replyingNode: RedisEndpoint) -> ClusterRedirect? {
        let parts = message.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[0] == "MOVED" || parts[0] == "ASK", let slot = Int(parts[1]),
            (0..<HashSlot.count).contains(slot), let colon = parts[2].lastIndex(of: ":"),
            let port = Int(parts[2][parts[2].index(after: colon)...]), (1...65535).contains(port)
        else { return nil }
        var host = String(parts[2][..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.isEmpty || host == "?" { host = replyingNode.host }
        let endpoint = RedisEndpoint(host: host, port: port)
        return parts[0] == "MOVED" ? .moved(slot: slot, to: endpoint) : .ask(slot: slot, to: endpoint)
    }
}
