/// Where a Redis node listens: host (name, IPv4 or IPv6 literal without brackets) and TCP port.
public struct RedisEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// Host name or IP literal (IPv6 without brackets, e.g. `::1`).
    public var host: String
    /// TCP port.
    public var port: Int

    /// Creates an endpoint.
    public init(host: String, port: Int = 6379) {
        self.host = host
        self.port = port
    }

    /// `127.0.0.1:6379`, or `[::1]:6379` for IPv6.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// The default node: `127.0.0.1:6379`.
    public static let `default` = RedisEndpoint(host: "127.0.0.1", port: 6379)
}
