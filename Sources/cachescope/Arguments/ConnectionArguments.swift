import ArgumentParser
import RedisClient

/// The connection part of the command line, in redis-cli's habits: URIs or -h/-p, -a, --user,
/// -n, -c, and the TLS flags.
struct ConnectionArguments: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Nodes as redis://[[user]:password@]host[:port][/db] or rediss://… (TLS). Several URIs are several nodes. A Sentinel group: redis+sentinel://[user:password@]host1:26379[,host2:26379…]/MASTER[/db].",
            valueName: "URI"))
    var uris: [String] = []

    @Option(name: .customShort("h"), help: ArgumentHelp("Server hostname (default 127.0.0.1).", valueName: "HOST"))
    var host: String?

    @Option(name: .customShort("p"), help: ArgumentHelp("Server port (default 6379).", valueName: "PORT"))
    var port: Int?

    @Option(name: .customShort("a"), help: ArgumentHelp("Password (prefer REDISCLI_AUTH: a command-line password is visible to other users in ps).", valueName: "PASSWORD"))
    var password: String?

    @Option(name: .customLong("user"), help: ArgumentHelp("ACL user name.", valueName: "USER"))
    var user: String?

    @Option(name: .customShort("n"), help: ArgumentHelp("Database number.", valueName: "DB"))
    var database: Int?

    @Flag(name: .customShort("c"), help: "Treat the nodes as a Redis Cluster (otherwise detected).")
    var cluster = false

    @Flag(help: "Use TLS (as rediss://).")
    var tls = false

    @Option(help: ArgumentHelp("CA certificate file to verify the server with.", valueName: "FILE"))
    var cacert: String?

    @Option(help: ArgumentHelp("Client certificate file (with --key).", valueName: "FILE"))
    var cert: String?

    @Option(help: ArgumentHelp("Client private key file (with --cert).", valueName: "FILE"))
    var key: String?

    @Option(help: ArgumentHelp("Server name for TLS SNI and verification.", valueName: "NAME"))
    var sni: String?

    @Flag(help: "Skip TLS certificate verification (shown as a warning on screen).")
    var insecure = false

    @Option(name: .customLong("sentinel"), help: ArgumentHelp("A sentinel to reach the nodes through (repeatable); with --master.", valueName: "HOST:PORT"))
    var sentinels: [String] = []

    @Option(name: .customLong("master"), help: ArgumentHelp("The Sentinel group's name (without it, the groups are listed to choose from).", valueName: "NAME"))
    var masterName: String?

    @Option(name: .customLong("sentinel-user"), help: ArgumentHelp("The sentinels' ACL user (the nodes' is --user).", valueName: "USER"))
    var sentinelUser: String?

    @Option(
        name: .customLong("sentinel-password"),
        help: ArgumentHelp("The sentinels' password (prefer CACHESCOPE_SENTINEL_AUTH: a command-line password is visible in ps).", valueName: "PASSWORD"))
    var sentinelPassword: String?

    @Option(help: ArgumentHelp("Start on a named connection from the config file.", valueName: "NAME"))
    var context: String?

    /// The flags as the client library reads them.
    var flags: ConnectionFlags {
        ConnectionFlags(
            uris: uris, host: host, port: port, password: password, user: user, database: database, cluster: cluster,
            tls: tls, caCertificate: cacert, certificate: cert, key: key, sni: sni, insecure: insecure, sentinels: sentinels,
            masterName: masterName, sentinelUser: sentinelUser, sentinelPassword: sentinelPassword
        )
    }

    /// Whether anything here names a node (then a config context is not used).
    var namesNodes: Bool { !uris.isEmpty || host != nil || port != nil || !sentinels.isEmpty }
}
