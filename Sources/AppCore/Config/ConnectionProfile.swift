/// A named connection from the config file (`[connections.NAME]`), in command-line terms:
/// the same URIs and flags a user would type, so one resolver serves both.
public struct ConnectionProfile: Sendable, Equatable {
    public var name: String
    /// One or more `redis://` / `rediss://` URIs.
    public var uris: [String]
    public var user: String?
    /// The environment variable holding the password (the file itself should not hold secrets).
    public var passwordEnvironmentVariable: String?
    /// A password written in the file; accepted, never shown.
    public var password: String?
    public var database: Int?
    public var cluster: Bool
    public var tls: Bool
    public var caCertificate: String?
    public var certificate: String?
    public var privateKey: String?
    public var serverName: String?
    public var insecure: Bool
    /// Mutations refused for this connection whatever the command line says.
    public var readOnly: Bool
    /// `record = "FILE"`: record every session of this connection into that file (see docs/recording.md).
    public var record: String?
    /// Sentinels (`HOST:PORT`) to reach the nodes through (`sentinels = [...]`).
    public var sentinels: [String] = []
    /// The Sentinel group's name (`master = "mymaster"`).
    public var masterName: String?
    /// The sentinels' ACL user.
    public var sentinelUser: String?
    /// The environment variable holding the sentinels' password.
    public var sentinelPasswordEnvironmentVariable: String?
    /// The sentinels' password written in the file; accepted, never shown.
    public var sentinelPassword: String?

    public init(
        name: String, uris: [String] = [], user: String? = nil, passwordEnvironmentVariable: String? = nil, password: String? = nil, database: Int? = nil, cluster: Bool = false, tls: Bool = false,
        caCertificate: String? = nil, certificate: String? = nil, privateKey: String? = nil, serverName: String? = nil, insecure: Bool = false, readOnly: Bool = false
    ) {
        self.name = name
        self.uris = uris
        self.user = user
        self.passwordEnvironmentVariable = passwordEnvironmentVariable
        self.password = password
        self.database = database
        self.cluster = cluster
        self.tls = tls
        self.caCertificate = caCertificate
        self.certificate = certificate
        self.privateKey = privateKey
        self.serverName = serverName
        self.insecure = insecure
        self.readOnly = readOnly
    }
}
