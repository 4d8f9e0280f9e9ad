import Foundation

/// A private Sentinel group on loopback ports: one primary, its replicas and the sentinels that
/// watch them, each process in its own temporary directory and stopped by pid.
///
/// The sentinels use a short `down-after-milliseconds` (1 s by default) and `failover-timeout`,
/// so tests see a failover within seconds. ``start(masterName:replicas:sentinels:downAfterMilliseconds:failoverTimeoutMilliseconds:nodePassword:sentinelPassword:sentinelUser:timeout:)``
/// returns once every sentinel knows every replica and every other sentinel.
public final class LocalRedisSentinelGroup: Sendable {
    /// The name the sentinels monitor the primary under.
    public let masterName: String
    /// The data nodes: the primary first (as created), then the replicas.
    public let servers: [LocalRedisServer]
    /// The sentinels.
    public let sentinels: [LocalRedisSentinel]
    /// The data nodes' password, if any.
    public let nodePassword: String?
    /// The sentinels' password (`requirepass`), if any.
    public let sentinelPassword: String?

    private init(masterName: String, servers: [LocalRedisServer], sentinels: [LocalRedisSentinel], nodePassword: String?, sentinelPassword: String?) {
        self.masterName = masterName
        self.servers = servers
        self.sentinels = sentinels
        self.nodePassword = nodePassword
        self.sentinelPassword = sentinelPassword
    }

    /// The node created as the primary.
    public var primary: LocalRedisServer { servers[0] }
    /// The nodes created as replicas.
    public var replicas: [LocalRedisServer] { Array(servers.dropFirst()) }
    /// The sentinels' ports.
    public var sentinelPorts: [Int] { sentinels.map(\.port) }

    /// Starts the group and waits until the sentinels agree on its shape.
    /// - Parameters:
    ///   - nodePassword: `requirepass`/`masterauth` of the data nodes (the sentinels get it as `auth-pass`).
    ///   - sentinelPassword: the sentinels' own `requirepass` (they also use it between themselves).
    ///   - sentinelUser: an ACL user (name, password) added to every sentinel.
    ///   - tls: every process speaks TLS only (replication and sentinels too); the group is then
    ///     returned once started, without waiting for the sentinels to agree (the caller waits
    ///     with a TLS client).
    /// - Throws: ``LocalRedisError``; processes already started are stopped.
    public static func start(
        masterName: String = "mymaster", replicas: Int = 2, sentinels: Int = 3, downAfterMilliseconds: Int = 1000,
        failoverTimeoutMilliseconds: Int = 4000, nodePassword: String? = nil, sentinelPassword: String? = nil,
        sentinelUser: (name: String, password: String)? = nil, tls: TLSCertificates? = nil, timeout: TimeInterval = 30
    ) throws -> LocalRedisSentinelGroup {
        let deadline = Date().addingTimeInterval(timeout)
        var nodeArguments = [
            "--repl-diskless-sync-delay", "0", "--shutdown-on-sigterm", "nosave now", "--repl-ping-replica-period", "1",
        ]
        if let nodePassword { nodeArguments += ["--requirepass", nodePassword, "--masterauth", nodePassword] }
        if let tls {
            // Connecting out (replication), a server shows the client certificate (the server one is not for clients).
            nodeArguments += ["--tls-replication", "yes", "--tls-client-cert-file", tls.clientCertificatePath, "--tls-client-key-file", tls.clientKeyPath]
        }
        var servers: [LocalRedisServer] = []
        var watchers: [LocalRedisSentinel] = []
        do {
            servers.append(try LocalRedisServer.start(nodeArguments, tls: tls))
            let primaryPort = servers[0].port
            for _ in 0..<replicas {
                servers.append(try LocalRedisServer.start(nodeArguments + ["--replicaof", "127.0.0.1", String(primaryPort)], tls: tls))
            }
            // Replicas in sync before the sentinels' first INFO of the primary, which lists them.
            if tls == nil {
                try LocalRedisCluster.waitUntil(deadline, "the replicas to sync with the primary") {
                    try servers.dropFirst().allSatisfy {
                        try LoopbackCommand.expect(port: $0.port, ["INFO", "replication"], password: nodePassword).contains("master_link_status:up")
                    }
                }
            } else {
                Thread.sleep(forTimeInterval: 1)  // a TLS sync cannot be watched from here; sentinels re-read INFO every 10 s
            }
            var lines = [
                "sentinel monitor \(masterName) 127.0.0.1 \(primaryPort) 2",
                "sentinel down-after-milliseconds \(masterName) \(downAfterMilliseconds)",
                "sentinel failover-timeout \(masterName) \(failoverTimeoutMilliseconds)",
                "sentinel parallel-syncs \(masterName) 2",
            ]
            if let nodePassword { lines.append("sentinel auth-pass \(masterName) \(nodePassword)") }
            if let sentinelPassword { lines.append("requirepass \(sentinelPassword)") }
            if let sentinelUser { lines.append("user \(sentinelUser.name) on >\(sentinelUser.password) ~* &* +@all") }
            if let tls {
                lines += [
                    "tls-cert-file \(tls.serverCertificatePath)", "tls-key-file \(tls.serverKeyPath)", "tls-ca-cert-file \(tls.caCertificatePath)",
                    "tls-client-cert-file \(tls.clientCertificatePath)", "tls-client-key-file \(tls.clientKeyPath)", "tls-replication yes",
                    "tls-auth-clients optional",
                ]
            }
            for _ in 0..<sentinels { watchers.append(try LocalRedisSentinel.start(configuration: lines, tls: tls != nil)) }
            let group = LocalRedisSentinelGroup(
                masterName: masterName, servers: servers, sentinels: watchers, nodePassword: nodePassword, sentinelPassword: sentinelPassword)
            if tls == nil { try group.waitUntilSettled(deadline: deadline) }
            return group
        } catch {
            for sentinel in watchers { sentinel.stop() }
            for server in servers { server.stop() }
            throw error
        }
    }

    /// Waits until every running sentinel reports the master `ok` with `replicas` replicas and
    /// `sentinels` sentinels (itself included).
    public func waitUntilSettled(deadline: Date, replicas: Int? = nil, sentinels: Int? = nil) throws {
        let wantReplicas = replicas ?? servers.count - 1
        let wantSentinels = sentinels ?? self.sentinels.count
        try LocalRedisCluster.waitUntil(deadline, "every sentinel to know \(wantReplicas) replicas and \(wantSentinels) sentinels") {
            try self.sentinels.filter { $0.pid > 0 }.allSatisfy { sentinel in
                let info = try LoopbackCommand.expect(port: sentinel.port, ["INFO", "sentinel"], password: sentinelPassword)
                return info.contains("name=\(masterName),status=ok") && info.contains("slaves=\(wantReplicas),sentinels=\(wantSentinels)")
            }
        }
    }

    /// The primary's port as the first running sentinel reports it (`INFO sentinel`).
    public func reportedPrimaryPort() throws -> Int? {
        guard let sentinel = sentinels.first(where: { $0.pid > 0 }) else { return nil }
        let info = try LoopbackCommand.expect(port: sentinel.port, ["INFO", "sentinel"], password: sentinelPassword)
        guard let range = info.range(of: "address=127.0.0.1:") else { return nil }
        return Int(info[range.upperBound...].prefix { $0.isNumber })
    }

    /// Stops every process (by pid). Idempotent.
    public func stop() {
        for sentinel in sentinels { sentinel.stop() }
        for server in servers { server.stop() }
    }
}
