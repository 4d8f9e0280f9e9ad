/// Sentinel mode on the command line: `--sentinel HOST:PORT … --master NAME`, or a
/// `redis+sentinel://` URI, with the sentinels' own credentials.
extension ConnectionFlags {
    /// The environment variable with the sentinels' password (the nodes' is `REDISCLI_AUTH`).
    public static let sentinelPasswordVariable = "CACHESCOPE_SENTINEL_AUTH"

    /// Whether the flags name sentinels rather than nodes.
    public var isSentinel: Bool { !sentinels.isEmpty || uris.contains(where: SentinelURI.isSentinel) }

    /// Resolves Sentinel mode: how to reach the sentinels, which group, and how to reach its nodes.
    /// - Throws: ``UsageError`` with a one-line message that never contains a password.
    public func resolveSentinel(environment: [String: String]) throws(UsageError) -> SentinelTarget {
        if host != nil || port != nil { throw UsageError("give either sentinels or nodes (-h/-p), not both") }
        if cluster { throw UsageError("-c (cluster) and sentinels do not go together") }
        if uris.count > 1 || (!uris.isEmpty && !sentinels.isEmpty) {
            throw UsageError("give the sentinels either as one redis+sentinel:// URI or with --sentinel, not both")
        }
        var endpoints: [RedisEndpoint] = []
        var useTLS = tls
        var nodeUser = user
        var nodePassword: Secret?
        var nodeDatabase = database
        var master = masterName
        if let text = uris.first {
            let uri = try SentinelURI(parsing: text)
            endpoints = uri.sentinels
            useTLS = useTLS || uri.tls
            nodeUser = uri.username ?? nodeUser
            nodePassword = uri.password
            nodeDatabase = uri.database ?? nodeDatabase
            if let named = uri.masterName, let master, named != master {
                throw UsageError("--master \(master) and the URI's master \(named) differ")
            }
            master = master ?? uri.masterName
        } else {
            for text in sentinels {
                do {
                    let parsed = try RedisURI(parsing: "redis://" + text)
                    endpoints.append(RedisEndpoint(host: parsed.host, port: parsed.port ?? 26379))
                } catch { throw UsageError("invalid --sentinel \"\(text)\": expected HOST:PORT") }
            }
        }
        if let database = nodeDatabase, database < 0 { throw UsageError("invalid database \(database): expected 0 or more") }
        if (certificate == nil) != (key == nil) { throw UsageError("--cert and --key go together: give both or neither") }
        if !useTLS, caCertificate != nil || certificate != nil || sni != nil || insecure {
            throw UsageError("--cacert, --cert, --key, --sni and --insecure need --tls or a rediss+sentinel:// URI")
        }
        let environmentPassword = environment["REDISCLI_AUTH"].flatMap { $0.isEmpty ? nil : $0 }
        nodePassword = nodePassword ?? (password?.isEmpty == false ? password : nil).map { Secret($0) } ?? environmentPassword.map { Secret($0) }
        if nodeUser != nil, nodePassword == nil { throw UsageError("--user needs a password (-a, REDISCLI_AUTH or in the URI)") }
        let sentinelSecret = (sentinelPassword?.isEmpty == false ? sentinelPassword : nil) ?? environment[Self.sentinelPasswordVariable].flatMap { $0.isEmpty ? nil : $0 }
        if sentinelUser != nil, sentinelSecret == nil {
            throw UsageError("--sentinel-user needs a password (--sentinel-password or \(Self.sentinelPasswordVariable))")
        }
        let tlsOptions = useTLS ? TLSOptions(caCertificatePath: caCertificate, certificatePath: certificate, privateKeyPath: key, serverName: sni, verifyPeer: !insecure) : nil
        let sentinelOptions = endpoints.map {
            ConnectionOptions(endpoint: $0, username: sentinelUser, password: sentinelSecret.map { Secret($0) }, database: 0, tls: tlsOptions)
        }
        let nodes = ConnectionOptions(username: nodeUser, password: nodePassword, database: nodeDatabase ?? 0, tls: tlsOptions)
        return SentinelTarget(sentinels: sentinelOptions, masterName: master, nodeOptions: nodes)
    }
}

/// A Sentinel group to watch: its sentinels, its name (nil: ask which) and how its nodes are reached.
public struct SentinelTarget: Sendable, Hashable {
    /// The sentinels to ask, with the sentinels' credentials.
    public var sentinels: [ConnectionOptions]
    /// The group's name, if given.
    public var masterName: String?
    /// Credentials, TLS and database for the data nodes (the endpoint is set per node).
    public var nodeOptions: ConnectionOptions

    public init(sentinels: [ConnectionOptions], masterName: String?, nodeOptions: ConnectionOptions) {
        self.sentinels = sentinels
        self.masterName = masterName
        self.nodeOptions = nodeOptions
    }

    /// A client for this group.
    public func client(addressMap: AddressMap = AddressMap()) -> SentinelClient {
        SentinelClient(sentinels: sentinels, masterName: masterName, nodeOptions: nodeOptions, addressMap: addressMap)
    }
}
