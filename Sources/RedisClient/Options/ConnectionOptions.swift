/// Everything needed to open one connection to one node.
///
/// Its description never contains the password.
public struct ConnectionOptions: Sendable, Hashable, CustomStringConvertible {
    /// The node.
    public var endpoint: RedisEndpoint
    /// ACL user name (`AUTH user password`); `nil` for the default user.
    public var username: String?
    /// Password, or `nil` for no authentication.
    public var password: Secret?
    /// Logical database selected after connecting (`SELECT`), 0 by default.
    public var database: Int
    /// TLS settings, or `nil` for plain TCP.
    public var tls: TLSOptions?
    /// How long establishing the TCP (and TLS) connection may take.
    public var connectTimeout: Duration
    /// How long any command may wait for its reply.
    public var commandTimeout: Duration
    /// Sent as `CLIENT SETNAME` so operators can spot the dashboard in `CLIENT LIST`; `nil` to skip.
    public var clientName: String?
    /// The highest protocol to negotiate: 3 (HELLO 3, falling back to RESP2) or 2 (never send HELLO).
    public var preferredProtocol: Int

    /// Creates options; only the endpoint is required.
    public init(
        endpoint: RedisEndpoint = .default,
        username: String? = nil,
        password: Secret? = nil,
        database: Int = 0,
        tls: TLSOptions? = nil,
        connectTimeout: Duration = .seconds(5),
        commandTimeout: Duration = .seconds(5),
        clientName: String? = "cachescope",
        preferredProtocol: Int = 3
    ) {
        self.endpoint = endpoint
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.clientName = clientName
        self.preferredProtocol = preferredProtocol
    }

    /// e.g. `rediss://alice@10.0.0.5:6380/2` — with the user but never the password.
    public var description: String {
        let scheme = tls == nil ? "redis" : "rediss"
        let user = username.map { "\($0)@" } ?? (password == nil ? "" : ":<redacted>@")
        let db = database == 0 ? "" : "/\(database)"
        return "\(scheme)://\(user)\(endpoint)\(db)"
    }
}
