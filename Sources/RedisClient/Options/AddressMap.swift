/// Addresses that servers announce, mapped to addresses this machine can reach (NAT, tunnels):
/// `"10.0.0.5:6379" = "127.0.0.1:16379"`. Applied to sentinel answers and cluster topology alike.
public struct AddressMap: Sendable, Hashable {
    /// Announced endpoint → reachable endpoint.
    public var entries: [RedisEndpoint: RedisEndpoint]

    /// Creates a map (empty: every address is used as announced).
    public init(_ entries: [RedisEndpoint: RedisEndpoint] = [:]) {
        self.entries = entries
    }

    /// Parses `host:port` pairs (IPv6 hosts in brackets).
    /// - Throws: ``UsageError`` naming the entry that is not `host:port`.
    public init(parsing pairs: [String: String]) throws(UsageError) {
        var entries: [RedisEndpoint: RedisEndpoint] = [:]
        for (from, to) in pairs {
            entries[try Self.endpoint(from)] = try Self.endpoint(to)
        }
        self.entries = entries
    }

    /// Where to connect for an address a server announced.
    public func reachable(_ announced: RedisEndpoint) -> RedisEndpoint {
        entries[announced] ?? announced
    }

    /// Whether the map is empty.
    public var isEmpty: Bool { entries.isEmpty }

    /// Parses `host:port` or `[v6]:port`.
    /// - Throws: ``UsageError``.
    public static func endpoint(_ text: String) throws(UsageError) -> RedisEndpoint {
        var host: Substring
        let portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            guard text[close...].hasPrefix("]:") else { throw UsageError("\"\(text)\" is not HOST:PORT") }
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":"), text.filter({ $0 == ":" }).count == 1 else {
                throw UsageError("\"\(text)\" is not HOST:PORT")
            }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        if host.isEmpty { host = "127.0.0.1" }
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw UsageError("invalid port in \"\(text)\": expected HOST:PORT with a port 1-65535")
        }
        return RedisEndpoint(host: String(host), port: port)
    }
}
