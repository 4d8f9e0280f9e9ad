import AppCore
import Foundation
import RedisClient

/// The nodes to watch and how, from the command line, the config file and the environment.
struct ResolvedTarget {
    var options: [ConnectionOptions]
    var config: AppConfig
    var readOnly: Bool
    var insecureTLS: Bool
    var label: String
    /// The connection's `record =` file, when a named connection has one.
    var record: String?
    /// `-c` (or the context's `cluster = true`): the nodes are seeds of a Redis Cluster. Without
    /// it, cluster mode is still detected (`INFO cluster`) when the session starts.
    var cluster: Bool = false
    /// Sentinel mode: the group and its sentinels (`options` then holds how nodes are reached).
    var sentinel: SentinelTarget?
    /// Announced addresses → reachable ones (`[address_map]`).
    var addressMap = AddressMap()

    /// Resolves the command line against the config file.
    /// - Throws: `UsageError` (exit 2) or `ConfigError`.
    static func resolve(_ connection: ConnectionArguments, _ display: DisplayArguments, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ResolvedTarget {
        let config = try ConfigLoader.load(path: display.config ?? ConfigLoader.defaultPath(environment: environment))
        var flags = connection.flags
        var readOnly = display.readOnly || config.readOnly
        var label: String?
        var record: String?
        if let name = connection.context {
            guard let profile = config.connections[name] else {
                let known = config.connections.keys.sorted().joined(separator: ", ")
                throw UsageError("no connection named \"\(name)\" in the config file" + (known.isEmpty ? "" : " (known: \(known))"))
            }
            if !connection.namesNodes {
                flags.uris = profile.uris
                flags.sentinels = profile.sentinels
            }
            flags.masterName = flags.masterName ?? profile.masterName
            flags.sentinelUser = flags.sentinelUser ?? profile.sentinelUser
            let profileSentinelPassword = profile.sentinelPasswordEnvironmentVariable.flatMap { environment[$0] } ?? profile.sentinelPassword
            flags.sentinelPassword = flags.sentinelPassword ?? profileSentinelPassword
            flags.user = flags.user ?? profile.user
            let profilePassword = profile.passwordEnvironmentVariable.flatMap { environment[$0] } ?? profile.password
            flags.password = flags.password ?? profilePassword
            flags.database = flags.database ?? profile.database
            flags.cluster = flags.cluster || profile.cluster
            flags.tls = flags.tls || profile.tls
            flags.caCertificate = flags.caCertificate ?? profile.caCertificate
            flags.certificate = flags.certificate ?? profile.certificate
            flags.key = flags.key ?? profile.privateKey
            flags.sni = flags.sni ?? profile.serverName
            flags.insecure = flags.insecure || profile.insecure
            readOnly = readOnly || profile.readOnly
            label = name
            record = profile.record
        }
        let addressMap: AddressMap
        do { addressMap = try AddressMap(parsing: config.addressMap) } catch { throw UsageError("config [address_map]: \(error)") }
        if flags.isSentinel {
            let sentinel = try flags.resolveSentinel(environment: environment)
            let first = sentinel.sentinels.first.map { "\($0.endpoint)" } ?? "-"
            return ResolvedTarget(
                options: [sentinel.nodeOptions], config: config, readOnly: readOnly, insecureTLS: flags.insecure,
                label: label ?? "\(sentinel.masterName ?? "sentinel") via \(first)", record: record, sentinel: sentinel, addressMap: addressMap)
        }
        let options = try flags.resolve(environment: environment)
        return ResolvedTarget(
            options: options, config: config, readOnly: readOnly, insecureTLS: flags.insecure,
            label: label ?? options.first.map { "\($0.endpoint)" } ?? "-", record: record, cluster: flags.cluster, addressMap: addressMap
        )
    }
}
