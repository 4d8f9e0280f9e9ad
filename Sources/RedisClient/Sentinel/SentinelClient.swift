import NIOCore
import NIOPosix
import RESP

/// Finds a Sentinel group's primary the way the Sentinel client spec says, and lists its
/// replicas and sentinels.
///
/// ```swift
/// let client = SentinelClient(sentinels: [options], masterName: "mymaster", nodeOptions: nodeOptions)
/// let topology = try await client.discover()   // primary confirmed with ROLE
/// let primary = ManagedConnection(options: client.nodeOptions(for: topology.primary))
/// ```
///
/// Each sentinel is tried in turn with a short timeout: `SENTINEL GET-MASTER-ADDR-BY-NAME`, then
/// `ROLE` on the named node, which must say `master`. The sentinel that answered moves to the front;
/// sentinels learnt from `SENTINEL SENTINELS` join the list. A primary is never chosen from
/// `SENTINEL MASTERS` (``masters()`` only lists the groups).
public actor SentinelClient {
    /// The group's name; nil when none was given (then only ``masters()`` works).
    public nonisolated let masterName: String?
    /// Announced addresses → reachable ones.
    public nonisolated let addressMap: AddressMap
    /// Credentials, TLS and database for the data nodes (the endpoint is replaced per node).
    private nonisolated let nodeTemplate: ConnectionOptions
    private let group: any EventLoopGroup
    private var sentinels: [ConnectionOptions]
    private var connections: [RedisEndpoint: ManagedConnection] = [:]
    private var closed = false

    /// - Parameters:
    ///   - sentinels: the sentinels to ask first (credentials and TLS for sentinels; their database is ignored).
    ///   - nodeOptions: how data nodes are reached (credentials, TLS, database).
    ///   - timeout: connect and command timeout for sentinels and for the `ROLE` check.
    public init(
        sentinels: [ConnectionOptions], masterName: String?, nodeOptions: ConnectionOptions, addressMap: AddressMap = AddressMap(),
        timeout: Duration = .seconds(1), group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.sentinels = sentinels.map { options in
            var options = options
            options.database = 0  // sentinels have no SELECT
            options.connectTimeout = timeout
            options.commandTimeout = timeout
            return options
        }
        self.masterName = masterName
        self.addressMap = addressMap
        var template = nodeOptions
        template.connectTimeout = min(template.connectTimeout, timeout * 2)
        self.nodeTemplate = template
        self.group = group
    }

    /// How the data node at `endpoint` is reached.
    public nonisolated func nodeOptions(for endpoint: RedisEndpoint) -> ConnectionOptions {
        var options = nodeTemplate
        options.endpoint = endpoint
        return options
    }

    /// Every sentinel known so far (given or learnt), the last one that answered first.
    public var sentinelOptions: [ConnectionOptions] { sentinels }

    /// Finds the primary and the group's shape.
    /// - Throws: ``SentinelError``: no sentinel reachable, an unknown name, or no primary confirmed.
    public func discover() async throws(SentinelError) -> SentinelTopology {
        guard let masterName else { throw SentinelError.unknownMaster("", known: []) }
        guard !sentinels.isEmpty else { throw SentinelError.noSentinels }
        var failures: [String] = []
        var unknownCount = 0
        var reachedCount = 0
        var known: Set<String> = []
        for candidate in sentinels {
            guard !closed else { break }
            let connection = connection(candidate)
            let reply: RESPValue
            do {
                reply = try await connection.pipeline([RedisCommand("SENTINEL", "GET-MASTER-ADDR-BY-NAME", masterName)])[0]
            } catch {
                failures.append(Self.reason(error))
                continue
            }
            if let message = reply.errorMessage {
                failures.append("\(candidate.endpoint): \(message)")
                continue
            }
            reachedCount += 1
            guard let announced = SentinelReply.address(reply) else {
                unknownCount += 1
                if let names = try? await mastersReply(connection) { known.formUnion(names.map(\.name)) }
                continue
            }
            let primary = addressMap.reachable(announced)
            let role: Role
            do { role = try await self.role(of: primary) } catch {
                failures.append("\(candidate.endpoint) names \(primary), which does not answer ROLE: \(error)")
                continue
            }
            guard role.name == "master" else {
                failures.append("\(candidate.endpoint) names \(primary), whose ROLE is \(role.name)")
                continue
            }
            do {
                let topology = try await describe(masterName, primary: primary, role: role, from: connection, answeredBy: candidate.endpoint)
                promote(candidate.endpoint)
                return topology
            } catch {
                failures.append("\(candidate.endpoint): \(error)")
            }
        }
        if reachedCount > 0, unknownCount == reachedCount { throw SentinelError.unknownMaster(masterName, known: known.sorted()) }
        if reachedCount == 0 { throw SentinelError.noSentinelReachable(failures) }
        throw SentinelError.noPrimaryConfirmed(masterName, failures)
    }

    /// The groups the first reachable sentinel monitors (`SENTINEL MASTERS`), to choose one from.
    /// - Throws: ``SentinelError/noSentinelReachable(_:)``.
    public func masters() async throws(SentinelError) -> [SentinelMaster] {
        guard !sentinels.isEmpty else { throw SentinelError.noSentinels }
        var failures: [String] = []
        for candidate in sentinels {
            do { return try await mastersReply(connection(candidate)) } catch { failures.append(Self.reason(error)) }
        }
        throw SentinelError.noSentinelReachable(failures)
    }

    /// Closes every sentinel connection.
    public func close() async {
        closed = true
        let all = Array(connections.values)
        connections = [:]
        for connection in all { await connection.close() }
    }

    // MARK: - Internals

    /// A failure as one short clause: a down sentinel says why, not when the next retry is.
    static func reason(_ error: any Error) -> String {
        let text = "\(error)"
        guard let start = text.firstRange(of: "not connected (retrying in "), let close = text[start.upperBound...].firstRange(of: "): ") else { return text }
        return String(text[..<start.lowerBound]) + String(text[close.upperBound...])
    }

    private func connection(_ options: ConnectionOptions) -> ManagedConnection {
        if let existing = connections[options.endpoint] { return existing }
        let made = ManagedConnection(options: options, group: group, policy: ReconnectPolicy(initialDelay: .milliseconds(100), maximumDelay: .seconds(1)))
        connections[options.endpoint] = made
        return made
    }

    private func mastersReply(_ connection: ManagedConnection) async throws -> [SentinelMaster] {
        let reply = try await connection.pipeline([RedisCommand("SENTINEL", "MASTERS")])[0]
        if reply.errorMessage != nil { throw RedisError.server(reply, endpoint: connection.endpoint) }
        return SentinelReply.entries(reply).compactMap { fields in
            guard let name = fields["name"] else { return nil }
            return SentinelMaster(
                name: name, endpoint: SentinelReply.endpoint(fields).map(addressMap.reachable), flags: SentinelReply.flags(fields),
                replicaCount: fields["num-slaves"].flatMap { Int($0) }, sentinelCount: fields["num-other-sentinels"].flatMap { Int($0) }.map { $0 + 1 },
                quorum: fields["quorum"].flatMap { Int($0) })
        }
    }

    /// What `ROLE` says: the role and, for a primary, its offset and each replica's acknowledged offset.
    private struct Role {
        var name: String
        var offset: Int64?
        var replicaOffsets: [RedisEndpoint: Int64] = [:]
    }

    /// `ROLE` of a data node on a short-lived connection.
    private func role(of endpoint: RedisEndpoint) async throws -> Role {
        var options = nodeOptions(for: endpoint)
        options.commandTimeout = nodeTemplate.connectTimeout
        options.database = 0
        let connection = try await RedisConnection.connect(options, group: group)
        defer { Task { await connection.close() } }
        let reply = try await connection.send(RedisCommand("ROLE"))
        let parts = reply.array ?? []
        var role = Role(name: parts.first?.string ?? "unknown", offset: parts.count > 1 ? parts[1].int : nil)
        for replica in parts.count > 2 ? parts[2].array ?? [] : [] {
            guard let fields = replica.array, fields.count >= 3, let host = fields[0].string, let port = fields[1].string.flatMap({ Int($0) }),
                let offset = fields[2].string.flatMap({ Int64($0) })
            else { continue }
            role.replicaOffsets[addressMap.reachable(RedisEndpoint(host: host, port: port))] = offset
        }
        return role
    }

    /// The group's shape from the sentinel that named the primary; the other sentinels are pinged.
    private func describe(_ name: String, primary: RedisEndpoint, role: Role, from connection: ManagedConnection, answeredBy: RedisEndpoint) async throws -> SentinelTopology {
        let replies = try await connection.pipeline([
            RedisCommand("SENTINEL", "MASTER", name), RedisCommand("SENTINEL", "REPLICAS", name),
            RedisCommand("SENTINEL", "SENTINELS", name), RedisCommand("SENTINEL", "CKQUORUM", name),
        ])
        for reply in replies.prefix(3) where reply.errorMessage != nil { throw RedisError.server(reply, endpoint: answeredBy) }
        let master = SentinelReply.fields(replies[0])
        let replicas = SentinelReply.entries(replies[1]).compactMap { fields -> SentinelTopology.Replica? in
            guard let endpoint = SentinelReply.endpoint(fields).map(addressMap.reachable) else { return nil }
            // The primary's ROLE has each replica's acknowledged offset (about a second old); the
            // sentinel's comes from INFO every ten seconds.
            return SentinelTopology.Replica(
                endpoint: endpoint, flags: SentinelReply.flags(fields), linkStatus: fields["master-link-status"],
                offset: role.replicaOffsets[endpoint] ?? fields["slave-repl-offset"].flatMap { Int64($0) }, lastReplyMilliseconds: fields["last-ok-ping-reply"].flatMap { Int64($0) })
        }
        var peers = [SentinelTopology.Sentinel(endpoint: answeredBy, reachable: true, flags: [])]
        for fields in SentinelReply.entries(replies[2]) {
            guard let endpoint = SentinelReply.endpoint(fields).map(addressMap.reachable), !peers.contains(where: { $0.endpoint == endpoint }) else { continue }
            peers.append(SentinelTopology.Sentinel(endpoint: endpoint, reachable: nil, flags: SentinelReply.flags(fields)))
            learn(endpoint)
        }
        // Sentinels given but not (or no longer) listed by the group still count: they may be down.
        for options in sentinels where !peers.contains(where: { $0.endpoint == options.endpoint }) {
            peers.append(SentinelTopology.Sentinel(endpoint: options.endpoint, reachable: nil, flags: []))
        }
        for index in peers.indices.dropFirst() { peers[index].reachable = await ping(peers[index].endpoint) }
        let ckquorum = replies[3]
        return SentinelTopology(
            masterName: name, primary: primary, primaryFlags: SentinelReply.flags(master), primaryOffset: role.offset,
            quorum: master["quorum"].flatMap { Int($0) }, failoverState: master["failover-state"], replicas: replicas, sentinels: peers,
            quorumReachable: ckquorum.errorMessage == nil, quorumMessage: ckquorum.errorMessage ?? ckquorum.string ?? "", answeredBy: answeredBy)
    }

    /// Whether the sentinel at `endpoint` answers `PING` now.
    private func ping(_ endpoint: RedisEndpoint) async -> Bool {
        guard let options = sentinels.first(where: { $0.endpoint == endpoint }) else { return false }
        return (try? await connection(options).pipeline([RedisCommand("PING")])[0].errorMessage == nil) ?? false
    }

    /// A sentinel learnt from another: reached with the first sentinel's credentials and TLS.
    private func learn(_ endpoint: RedisEndpoint) {
        guard !sentinels.contains(where: { $0.endpoint == endpoint }), var options = sentinels.first else { return }
        options.endpoint = endpoint
        sentinels.append(options)
    }

    /// The sentinel that answered is asked first next time.
    private func promote(_ endpoint: RedisEndpoint) {
        guard let index = sentinels.firstIndex(where: { $0.endpoint == endpoint }), index > 0 else { return }
        sentinels.insert(sentinels.remove(at: index), at: 0)
    }
}
