import NIOCore
import NIOPosix
import RESP

/// A client for a whole Redis Cluster: discovers the topology from one or several seeds (any
/// node works, a replica too; dead seeds are skipped), keeps one ``ManagedConnection`` per node it
/// talks to (a replica's closes after ``idleReplicaTimeout`` unused, so failovers do not pile
/// connections up on demoted primaries), routes each command to the slot's owner following
/// `MOVED`/`ASK` (see ``ClusterRouter``), and reloads the topology every ``refreshInterval`` and
/// whenever a redirection or a connection error says it changed (failover). ``topologyChanges``
/// reports every new shape.
///
///     let cluster = ClusterClient(seeds: [options])
///     try await cluster.connect()
///     let value = try await cluster.send(RedisCommand("GET", "user:1"), key: Array("user:1".utf8))
public actor ClusterClient {
    /// The addresses discovery starts from, tried in order.
    public nonisolated let seeds: [ConnectionOptions]
    /// Seconds between periodic topology refreshes.
    public nonisolated let refreshInterval: Duration
    /// How long a connection to a node that is not a primary may stay unused before it closes.
    public nonisolated let idleReplicaTimeout: Duration
    /// Each new topology (after discovery and every change), newest last; meant for one consumer.
    public nonisolated let topologyChanges: AsyncStream<ClusterTopology>

    private let continuation: AsyncStream<ClusterTopology>.Continuation
    private let group: any EventLoopGroup
    private let policy: ReconnectPolicy
    private var router: ClusterRouter
    /// Announced addresses → reachable ones, for the topology and redirections.
    public nonisolated let addressMap: AddressMap
    private var connections: [RedisEndpoint: ManagedConnection] = [:]
    /// When each connection was last handed out (for a command, a scan page, a caller).
    private var lastUse: [RedisEndpoint: ContinuousClock.Instant] = [:]
    /// The options new nodes are reached with (the first seed that answered, endpoint replaced).
    private var template: ConnectionOptions
    private var periodicRefresh: Task<Void, Never>?
    private var inFlightRefresh: Task<ClusterTopology, any Error>?
    private var closed = false

    /// Creates a client; nothing is sent until ``connect()``.
    /// - Parameters:
    ///   - seeds: at least one node of the cluster (their credentials and TLS settings are used for every node).
    ///   - refreshInterval: the periodic topology refresh.
    ///   - maxRedirects: the most `MOVED`/`ASK` one command may follow.
    ///   - addressMap: announced addresses (NAT, tunnels) → addresses to connect to.
    ///   - idleReplicaTimeout: how long a replica's connection may go unused before a refresh
    ///     closes it; keep it longer than the commands' timeout, so no reply in flight is cut off.
    public init(
        seeds: [ConnectionOptions], refreshInterval: Duration = .seconds(5), maxRedirects: Int = 5,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, policy: ReconnectPolicy = .default,
        addressMap: AddressMap = AddressMap(), idleReplicaTimeout: Duration = .seconds(30)
    ) {
        precondition(!seeds.isEmpty, "a cluster client needs at least one seed")
        self.seeds = seeds
        self.refreshInterval = refreshInterval
        self.idleReplicaTimeout = idleReplicaTimeout
        self.group = group
        self.policy = policy
        self.template = seeds[0]
        self.router = ClusterRouter(maxRedirects: maxRedirects)
        self.router.addressMap = addressMap
        self.addressMap = addressMap
        (topologyChanges, continuation) = AsyncStream<ClusterTopology>.makeStream(bufferingPolicy: .bufferingNewest(16))
    }

    /// Whether the node behind `options` runs in cluster mode (`INFO cluster` → `cluster_enabled:1`).
    /// - Throws: ``RedisError`` when the node cannot be reached.
    public static func isClusterEnabled(_ options: ConnectionOptions, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> Bool {
        let connection = try await RedisConnection.connect(options, group: group)
        defer { Task { await connection.close() } }
        let reply = try await connection.send(RedisCommand("INFO", "cluster"))
        let text = reply.string ?? reply.bytes.map { String(decoding: $0, as: UTF8.self) } ?? ""
        return text.contains("cluster_enabled:1")
    }

    // MARK: - Topology

    /// Discovers the topology from the seeds and starts the periodic refresh.
    /// - Throws: ``RedisError`` saying why no seed gave a topology.
    @discardableResult
    public func connect() async throws -> ClusterTopology {
        let topology = try await refreshTopology()
        if periodicRefresh == nil {
            let interval = refreshInterval
            periodicRefresh = Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    guard let self, !Task.isCancelled else { return }
                    _ = try? await self.refreshTopology()
                }
            }
        }
        return topology
    }

    /// The current topology.
    public var topology: ClusterTopology { router.topology }

    /// Reloads the topology now (one refresh at a time: concurrent callers share it).
    /// Known nodes are asked first (primaries, then replicas), then the seeds.
    @discardableResult
    public func refreshTopology() async throws -> ClusterTopology {
        if let inFlightRefresh { return try await inFlightRefresh.value }
        let task = Task { try await self.loadTopology() }
        inFlightRefresh = task
        defer { inFlightRefresh = nil }
        let topology = try await task.value
        install(topology)
        return topology
    }

    private func loadTopology() async throws -> ClusterTopology {
        let known = router.topology.nodes.filter { $0.health != .failed }
        // Primaries first: the client holds their connections anyway.
        var candidates = (known.filter { $0.role == .primary } + known.filter { $0.role != .primary }).map { options(for: $0.endpoint) }
        for seed in seeds where !candidates.contains(where: { $0.endpoint == seed.endpoint }) { candidates.append(seed) }
        var failures: [String] = []
        var fallback: (ClusterTopology, ConnectionOptions)?
        for candidate in candidates {
            guard !closed else { throw RedisError(.closed, "cluster client closed") }
            let connection = connection(candidate)
            do {
                var reply = try await connection.pipeline([RedisCommand("CLUSTER", "SHARDS")])[0]
                var parsed: ClusterTopology?
                if reply.errorMessage == nil {
                    parsed = ClusterTopology.parseShards(reply, useTLSPort: candidate.tls != nil, fallbackHost: candidate.endpoint.host)
                }
                if parsed == nil {
                    // Before 7.0 (or when SHARDS is denied): CLUSTER SLOTS.
                    reply = try await connection.pipeline([RedisCommand("CLUSTER", "SLOTS")])[0]
                    if let message = reply.errorMessage {
                        failures.append("\(candidate.endpoint): \(message)")
                        continue
                    }
                    parsed = ClusterTopology.parseSlots(reply, fallbackHost: candidate.endpoint.host)
                }
                guard let topology = parsed?.mapped(addressMap) else {
                    failures.append("\(candidate.endpoint): CLUSTER SHARDS/SLOTS: unexpected reply")
                    continue
                }
                if topology.coveredSlots == 0 {
                    fallback = fallback ?? (topology, candidate)
                    failures.append("\(candidate.endpoint): no slots assigned")
                    continue
                }
                adoptTemplate(candidate)
                return topology
            } catch {
                failures.append("\(error)")
            }
        }
        if let fallback {
            adoptTemplate(fallback.1)
            return fallback.0
        }
        throw RedisError(.notConnected, "no cluster topology from \(candidates.count) node(s): " + failures.prefix(3).joined(separator: "; "))
    }

    private func adoptTemplate(_ options: ConnectionOptions) {
        if seeds.contains(where: { $0.endpoint == options.endpoint }) { template = options }
    }

    private func install(_ topology: ClusterTopology) {
        let changed = topology != router.topology
        router.apply(topology)
        // Connections to nodes that left the cluster (or dead seeds) stop retrying.
        let known = Set(topology.nodes.map(\.endpoint))
        // So do those to replicas nobody used lately: a demoted primary's after a failover, a
        // discovery's fallback. Replica reads open them again.
        let primaries = Set(topology.nodes.filter { $0.role == .primary }.map(\.endpoint))
        let now = ContinuousClock.now
        for (endpoint, connection) in connections
        where !known.contains(endpoint) || (!primaries.contains(endpoint) && now - (lastUse[endpoint] ?? now) >= idleReplicaTimeout) {
            connections[endpoint] = nil
            lastUse[endpoint] = nil
            Task { await connection.close() }
        }
        if changed { continuation.yield(topology) }
    }

    /// Asks for a refresh soon, without waiting for it.
    private func scheduleRefresh() {
        guard inFlightRefresh == nil, !closed else { return }
        Task { _ = try? await self.refreshTopology() }
    }

    // MARK: - Nodes

    /// The options for reaching `endpoint`: a seed's own, or the template with the endpoint replaced.
    private func options(for endpoint: RedisEndpoint) -> ConnectionOptions {
        if let seed = seeds.first(where: { $0.endpoint == endpoint }) { return seed }
        var options = template
        options.endpoint = endpoint
        return options
    }

    private func connection(_ options: ConnectionOptions) -> ManagedConnection {
        lastUse[options.endpoint] = .now
        if let existing = connections[options.endpoint] { return existing }
        let connection = ManagedConnection(options: options, group: group, policy: policy)
        connections[options.endpoint] = connection
        return connection
    }

    /// The connection to `endpoint` (made on first use).
    public func connection(for endpoint: RedisEndpoint) -> ManagedConnection {
        connection(options(for: endpoint))
    }

    /// The options every node is reached with, for `endpoint` (for extra per-node connections).
    public func connectionOptions(for endpoint: RedisEndpoint) -> ConnectionOptions {
        options(for: endpoint)
    }

    /// The primary serving `key`.
    public func endpoint(forKey key: some Collection<UInt8>) -> RedisEndpoint? { router.endpoint(forKey: key) }

    /// The primary (or a replica) serving `slot`.
    public func endpoint(forSlot slot: Int, replica: Bool = false) -> RedisEndpoint? { router.endpoint(forSlot: slot, replica: replica) }

    /// One node per serving shard, in slot order (see ``ClusterRouter/shardEndpoints(replica:)``).
    public func shardEndpoints(replica: Bool) -> [RedisEndpoint] { router.shardEndpoints(replica: replica) }

    /// The node a sharded channel (`SSUBSCRIBE`/`SPUBLISH`) lives on: its slot's primary.
    public func endpoint(forChannel channel: some Collection<UInt8>) -> RedisEndpoint? { router.endpoint(forKey: channel) }

    /// Runs `body` on every primary that serves slots (in slot order), one after the other.
    public func forEachPrimary<T: Sendable>(_ body: @Sendable (ClusterNode, ManagedConnection) async throws -> T) async throws -> [T] {
        var results: [T] = []
        for primary in router.topology.servingShards.map(\.primary) {
            results.append(try await body(primary, connection(for: primary.endpoint)))
        }
        return results
    }

    /// Closes every connection and stops refreshing.
    public func close() async {
        closed = true
        periodicRefresh?.cancel()
        periodicRefresh = nil
        continuation.finish()
        let all = Array(connections.values)
        connections = [:]
        lastUse = [:]
        for connection in all { await connection.close() }
    }

    // MARK: - Commands

    /// Sends a command to the node serving `key` (a primary, or a replica with `replica`), following
    /// redirections. Without a key, it goes to the first primary.
    /// - Throws: ``RedisError`` for error replies and transport failures.
    public func send(_ command: RedisCommand, key: [UInt8]?, replica: Bool = false) async throws -> RESPValue {
        let reply = try await sendReply(command, key: key, replica: replica)
        if case .error = reply { throw RedisError.server(reply, endpoint: nil) }
        return reply
    }

    /// Like ``send(_:key:replica:)`` with the key found in the command (`GET key`, `MEMORY USAGE key`…).
    public func send(_ command: RedisCommand) async throws -> RESPValue {
        try await send(command, key: ClusterCommandKeys.key(of: command))
    }

    /// Sends a command to the node serving `key`; error replies come back as `.error` values.
    public func sendReply(_ command: RedisCommand, key: [UInt8]?, replica: Bool = false) async throws -> RESPValue {
        guard var target = try await target(forKey: key, replica: replica) else {
            throw RedisError(.server("CLUSTERDOWN"), "no node serves slot \(key.map(HashSlot.of) ?? -1)")
        }
        var asking = false
        var redirects = 0
        var reroutedAfterError = false
        while true {
            let reply: RESPValue
            do {
                reply = try await raw(command, to: target, asking: asking, readOnly: replica)
            } catch let error as RedisError where error.isConnectionLevel {
                router.noteConnectionError(target)
                // The owner may have failed over: reload once and go to the new owner if it changed.
                guard !reroutedAfterError, let key else {
                    scheduleRefresh()
                    throw error
                }
                reroutedAfterError = true
                _ = try? await refreshTopology()
                guard let next = router.endpoint(forKey: key, replica: replica), next != target else { throw error }
                target = next
                asking = false
                continue
            }
            switch router.next(after: reply, from: target, redirects: redirects) {
            case .deliver:
                if router.refreshRequested { scheduleRefresh() }
                return reply
            case .send(let next, let ask):
                redirects += 1
                target = next
                asking = ask
                if !ask { scheduleRefresh() }
            case .retryLater(let same):
                redirects += 1
                target = same
                try await Task.sleep(for: .milliseconds(50))
            case .fail(let error):
                scheduleRefresh()
                throw error
            }
        }
    }

    /// Sends `command` to one node as is (no routing); error replies come back as values.
    public func sendReply(_ command: RedisCommand, to endpoint: RedisEndpoint) async throws -> RESPValue {
        try await raw(command, to: endpoint, asking: false, readOnly: false)
    }

    private func target(forKey key: [UInt8]?, replica: Bool) async throws -> RedisEndpoint? {
        if router.topology.shards.isEmpty { try await refreshTopology() }
        if let key {
            if let endpoint = router.endpoint(forKey: key, replica: replica) { return endpoint }
            try await refreshTopology()
            return router.endpoint(forKey: key, replica: replica)
        }
        return router.topology.servingShards.first?.primary.endpoint
    }

    private func raw(_ command: RedisCommand, to endpoint: RedisEndpoint, asking: Bool, readOnly: Bool) async throws -> RESPValue {
        let connection = connection(for: endpoint)
        var commands: [RedisCommand] = []
        if asking { commands.append(RedisCommand("ASKING")) }
        if readOnly { commands.append(RedisCommand("READONLY")) }
        commands.append(command)
        let replies = try await connection.pipeline(commands)
        return replies[replies.count - 1]
    }
}
