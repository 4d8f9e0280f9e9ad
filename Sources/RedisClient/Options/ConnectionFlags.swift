/// Everything the command line can say about which nodes to reach and how (redis-cli habits).
///
/// ``resolve(environment:)`` turns it into one ``ConnectionOptions`` per node.
public struct ConnectionFlags: Sendable, Hashable {
    /// `redis://…` / `rediss://…` URIs; several URIs mean several nodes.
    public var uris: [String]
    /// `-h HOST` (only without URIs).
    public var host: String?
    /// `-p PORT` (only without URIs).
    public var port: Int?
    /// `-a PASSWORD`; `REDISCLI_AUTH` is used when absent.
    public var password: String?
    /// `--user USER` (ACL user).
    public var user: String?
    /// `-n DB` (nodes whose URI names no database).
    public var database: Int?
    /// `-c`: treat the nodes as seeds of a Redis Cluster (read by the caller).
    public var cluster: Bool
    /// `--tls`: TLS for every node (a `rediss://` URI turns it on for that node).
    public var tls: Bool
    /// `--cacert FILE`.
    public var caCertificate: String?
    /// `--cert FILE` (client certificate; needs `--key`).
    public var certificate: String?
    /// `--key FILE`.
    public var key: String?
    /// `--sni NAME`.
    public var sni: String?
    /// `--insecure`: do not verify the server's certificate.
    public var insecure: Bool
    /// `--sentinel HOST:PORT` (repeatable): reach the nodes through these sentinels.
    public var sentinels: [String] = []
    /// `--master NAME`: the Sentinel group.
    public var masterName: String?
    /// `--sentinel-user USER`: the sentinels' ACL user.
    public var sentinelUser: String?
    /// `--sentinel-password PASSWORD`; `CACHESCOPE_SENTINEL_AUTH` is used when absent.
    public var sentinelPassword: String?

    /// Creates flags; everything defaults to "not given".
    public init(
        uris: [String] = [], host: String? = nil, port: Int? = nil, password: String? = nil,
        user: String? = nil, database: Int? = nil, cluster: Bool = false, tls: Bool = false,
        caCertificate: String? = nil, certificate: String? = nil, key: String? = nil,
        sni: String? = nil, insecure: Bool = false, sentinels: [String] = [], masterName: String? = nil,
        sentinelUser: String? = nil, sentinelPassword: String? = nil
    ) {
        self.uris = uris
        self.host = host
        self.port = port
        self.password = password
        self.user = user
        self.database = database
        self.cluster = cluster
        self.tls = tls
        self.caCertificate = caCertificate
        self.certificate = certificate
        self.key = key
        self.sni = sni
        self.insecure = insecure
        self.sentinels = sentinels
        self.masterName = masterName
        self.sentinelUser = sentinelUser
        self.sentinelPassword = sentinelPassword
    }

    /// Resolves the flags into one set of options per node.
    ///
    /// Precedence: a URI's own user, password and database win over `--user`, `-a`/`REDISCLI_AUTH`
    /// and `-n`. With no URI and no `-h`/`-p`, the node is `127.0.0.1:6379`.
    /// - Parameter environment: the process environment (`REDISCLI_AUTH`).
    /// - Throws: ``UsageError`` with a one-line message that never contains a password.
    public func resolve(environment: [String: String]) throws(UsageError) -> [ConnectionOptions] {
        if isSentinel { throw UsageError("a Sentinel group is resolved with resolveSentinel(environment:)") }
        if !uris.isEmpty, host != nil || port != nil {
            throw UsageError("give nodes either as URIs or with -h/-p, not both")
        }
        if let port, !(1...65535).contains(port) {
            throw UsageError("invalid port \(port): expected 1-65535")
        }
        if let database, database < 0 {
            throw UsageError("invalid database \(database): expected 0 or more")
        }
        if (certificate == nil) != (key == nil) {
            throw UsageError("--cert and --key go together: give both or neither")
        }
        if let host, host.isEmpty {
            throw UsageError("empty host given with -h")
        }
        let environmentPassword = environment["REDISCLI_AUTH"].flatMap { $0.isEmpty ? nil : $0 }
        let flagPassword = (password?.isEmpty == false ? password : nil) ?? environmentPassword

        var nodes: [(endpoint: RedisEndpoint, tls: Bool, user: String?, password: Secret?, database: Int?)] = []
        if uris.isEmpty {
            var nodeHost = host ?? RedisEndpoint.default.host
            if nodeHost.hasPrefix("["), nodeHost.hasSuffix("]") { nodeHost = String(nodeHost.dropFirst().dropLast()) }
            nodes.append((RedisEndpoint(host: nodeHost, port: port ?? 6379), tls, nil, nil, nil))
        } else {
            for text in uris {
                let uri = try RedisURI(parsing: text)
                nodes.append((RedisEndpoint(host: uri.host, port: uri.port ?? 6379), uri.tls || tls, uri.username, uri.password, uri.database))
            }
        }

        let tlsOnlyFlags = caCertificate != nil || certificate != nil || sni != nil || insecure
        if tlsOnlyFlags, !nodes.contains(where: \.tls) {
            throw UsageError("--cacert, --cert, --key, --sni and --insecure need --tls or a rediss:// URI")
        }

        return try nodes.map { (node) throws(UsageError) -> ConnectionOptions in
            let userName = node.user ?? user
            let secret = node.password ?? flagPassword.map { Secret($0) }
            if userName != nil, secret == nil {
                throw UsageError("--user needs a password (-a, REDISCLI_AUTH or in the URI) for \(node.endpoint)")
            }
            let tlsOptions =
                node.tls
                ? TLSOptions(
                    caCertificatePath: caCertificate, certificatePath: certificate, privateKeyPath: key,
                    serverName: sni, verifyPeer: !insecure)
                : nil
            return ConnectionOptions(
                endpoint: node.endpoint, username: userName, password: secret,
                database: node.database ?? database ?? 0, tls: tlsOptions)
        }
    }
}

extension ConnectionFlags: CustomStringConvertible, CustomReflectable {
    /// The flags with every password hidden (`-a` and any in the URIs).
    public var description: String {
        var parts = uris.map(RedisURI.redacted)
        if let host { parts.append("-h \(host)") }
        if let port { parts.append("-p \(port)") }
        if password != nil { parts.append("-a ***") }
        if let user { parts.append("--user \(user)") }
        if let database { parts.append("-n \(database)") }
        if cluster { parts.append("-c") }
        if tls { parts.append("--tls") }
        if let caCertificate { parts.append("--cacert \(caCertificate)") }
        if let certificate { parts.append("--cert \(certificate)") }
        if let key { parts.append("--key \(key)") }
        if let sni { parts.append("--sni \(sni)") }
        if insecure { parts.append("--insecure") }
        parts += sentinels.map { "--sentinel \($0)" }
        if let masterName { parts.append("--master \(masterName)") }
        if let sentinelUser { parts.append("--sentinel-user \(sentinelUser)") }
        if sentinelPassword != nil { parts.append("--sentinel-password ***") }
        return parts.joined(separator: " ")
    }

    /// Reflection (`dump`, `String(reflecting:)`) shows the redacted description only.
    public var customMirror: Mirror { Mirror(self, children: ["flags": description], displayStyle: .struct) }
}
