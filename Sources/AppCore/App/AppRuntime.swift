import Foundation
import Inspector
import RedisClient
import TerminalUI

/// The one loop that owns `AppState`: messages in (terminal events, samples, ticks), `update`,
/// effects out to tasks on the network/disk side, a frame out after every message. Nothing
/// in this loop waits on the network.
public actor AppRuntime {
    private var state: AppState
    private var connections: [ManagedConnection]
    /// In cluster mode, the client that routes by slot and follows the topology; nil otherwise.
    private let cluster: ClusterClient?
    /// In cluster mode, the keys pane's scan of every primary into one index, and the one
    /// mutation path for the whole cluster (keys routed to their slot's owner, patterns per primary).
    private var clusterScanner: KeyspaceScanner?
    private var clusterMutator: MutationService?
    private let monitor: HealthMonitor
    private let frameSink: @Sendable (Buffer) -> Void
    private let dumpDirectory: String
    private let messages: AsyncStream<AppMessage>
    private let continuation: AsyncStream<AppMessage>.Continuation
    private var lastFrame: Buffer?
    private var lastDrawTime: Double = 0
    private var background: [Task<Void, Never>] = []
    /// Per node, a second connection for the keys pane, so scans and value reads never queue
    /// behind (or in front of) the health samples and distort their latency.
    private var keyspaceConnections: [Int: ManagedConnection] = [:]
    private var scanners: [Int: KeyspaceScanner] = [:]
    private var scanStarts: [Int: Task<Void, Never>] = [:]
    /// The server pane's and the leaderboard's polls: each runs only while its pane is visible.
    private var serverPoll: Task<Void, Never>?
    private var leaderboardPoll: Task<Void, Never>?
    /// Per node, the one path every change goes through.
    private var mutators: [Int: MutationService] = [:]
    private let auditLog: AuditLog?
    private var bulkTask: Task<Void, Never>?
    /// Per node, the dedicated subscriber connection of the Pub/Sub pane (made on first use).
    private var subscribers: [Int: SubscriberConnection] = [:]
    /// Subscription changes run one after another, in the order asked.
    private var subscriptionChain: Task<Void, Never>?

    /// - Parameters:
    ///   - state: the starting state (nodes in the same order as `connections`).
    ///   - connections: one managed connection per node.
    ///   - frameSink: receives every finished frame (the terminal draws the newest).
    ///   - dumpDirectory: where `:dump` writes its files.
    private let scanPolicy: ScanLoadPolicy
    private let delimiter: UInt8
    /// Cluster mode: the keys index and value reads go to replicas (`read_from_replicas`).
    private let readFromReplicas: Bool
    /// Second connection per node for the index's lookups, so they overlap the next SCAN.
    private var lookupConnections: [Int: ManagedConnection] = [:]

    /// How fast bulk changes go and how much undo keeps.
    public struct MutationLimits: Sendable {
        public var keysPerSecond: Int
        public var undoBudgetBytes: Int
        public init(keysPerSecond: Int = 5000, undoBudgetBytes: Int = MutationService.defaultUndoBudget) {
            self.keysPerSecond = keysPerSecond
            self.undoBudgetBytes = undoBudgetBytes
        }
    }

    private let mutationLimits: MutationLimits

    /// - Parameter auditLog: where every change is recorded; without one, every change is refused.
    /// - Parameter cluster: in cluster mode, the connected cluster client (`connections` are then
    ///   its nodes, in topology order); new nodes it discovers are added as they appear.
    public init(state: AppState, connections: [ManagedConnection], frameSink: @escaping @Sendable (Buffer) -> Void, dumpDirectory: String = FileManager.default.currentDirectoryPath, scanPolicy: ScanLoadPolicy = .default, delimiter: UInt8 = UInt8(ascii: ":"), auditLog: AuditLog?, mutationLimits: MutationLimits = MutationLimits(), cluster: ClusterClient? = nil, readFromReplicas: Bool = false) {
        self.cluster = cluster
        self.readFromReplicas = readFromReplicas
        self.scanPolicy = scanPolicy
        self.delimiter = delimiter
        self.mutationLimits = mutationLimits
        self.auditLog = auditLog
        self.state = state
        self.connections = connections
        self.monitor = HealthMonitor(connections: connections, interval: .milliseconds(Int(state.interval * 1000)))
        self.frameSink = frameSink
        self.dumpDirectory = dumpDirectory
        (messages, continuation) = AsyncStream<AppMessage>.makeStream(bufferingPolicy: .unbounded)
    }

    /// Queues a message for the loop; callable from any thread.
    public nonisolated func send(_ message: AppMessage) {
        continuation.yield(message)
    }

    /// Why `run()` returned.
    public enum Exit: Sendable, Equatable {
        /// The user quit (or a signal arrived).
        case quit
        /// The user asked for another named connection (`:ctx NAME`).
        case switchContext(String)
    }

    /// Runs until the user quits or switches connection; then stops sampling and closes every
    /// connection.
    @discardableResult
    public func run() async -> Exit {
        var exit = Exit.quit
        let monitor = self.monitor
        let continuation = self.continuation
        background.append(Task.detached {
            await monitor.run { index, outcome in continuation.yield(.sampled(node: index, outcome: outcome)) }
        })
        if let cluster {
            background.append(Task.detached { [weak self] in
                for await topology in cluster.topologyChanges { await self?.topologyChanged(topology) }
            })
        }
        background.append(Task.detached {
            // One tick a second keeps countdowns and "for 5m" labels moving; nothing else polls.
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                continuation.yield(.tick(now: MonotonicClock.now(), wallMilliseconds: wallClockMilliseconds()))
            }
        })
        state.now = MonotonicClock.now()
        state.wallMilliseconds = wallClockMilliseconds()
        draw()
        loop: for await message in messages {
            let effects = AppUpdate.update(&state, message)
            for effect in effects {
                if effect == .quit { break loop }
                if case .switchContext(let name) = effect { exit = .switchContext(name); break loop }
                perform(effect)
            }
            // A tick only moves countdowns: when something else drew within the last second
            // (a sample does, every interval), the frame is current enough — half the idle work.
            if case .tick = message, MonotonicClock.now() - lastDrawTime < 0.95 { continue }
            draw()
        }
        await shutdown()
        return exit
    }

    /// Cluster mode: nodes new to the topology get a connection and a sampler, and the state
    /// learns the new shape (roles, slots, health) with the added addresses in the same order.
    private func topologyChanged(_ topology: ClusterTopology) async {
        guard let cluster else { return }
        var known = Set(connections.map { "\($0.endpoint)" })
        var added: [String] = []
        for node in topology.nodes where !known.contains("\(node.endpoint)") {
            let connection = ManagedConnection(options: await cluster.connectionOptions(for: node.endpoint))
            connections.append(connection)
            known.insert("\(node.endpoint)")
            added.append("\(node.endpoint)")
            let index = connections.count - 1
            let sampler = HealthMonitor(connections: [connection], interval: .milliseconds(Int(state.interval * 1000)))
            let continuation = self.continuation
            background.append(Task.detached {
                await sampler.run { _, outcome in continuation.yield(.sampled(node: index, outcome: outcome)) }
            })
        }
        continuation.yield(.clusterChanged(ClusterOverview(topology), added: added))
    }

    private func draw() {
        lastDrawTime = MonotonicClock.now()
        let frame = AppView.render(state)
        lastFrame = frame
        frameSink(frame)
    }

    private func perform(_ effect: AppEffect) {
        switch effect {
        case .quit, .switchContext:
            break
        case .loadTheme(let name):
            let continuation = self.continuation
            Task.detached {
                let result = Result { () throws(ThemeLoadError) -> LoadedTheme in try ThemeLoader.load(nameOrPath: name) }
                continuation.yield(.themeLoaded(name: name, result: result))
            }
        case .startScan(let node, let filter):
            startScan(node: node, filter: filter)
        case .openKey(let node, let key, let type):
            read(node: node, key: key, type: type, cursor: nil)
        case .loadValuePage(let node, let key, let type, let cursor):
            read(node: node, key: key, type: type, cursor: cursor)
        case .pollServer(let node):
            serverPoll?.cancel()
            serverPoll = poll(node: node) { connection in
                do { return .serverSnapshotLoaded(node: node, result: .success(try await ServerSnapshot.fetch(from: connection))) } catch {
                    return .serverSnapshotLoaded(node: node, result: .failure(LoadError("\(error)")))
                }
            }
        case .stopServerPolling:
            serverPoll?.cancel()
            serverPoll = nil
        case .pollLeaderboard(let node, let key, let order, let limit):
            leaderboardPoll?.cancel()
            leaderboardPoll = poll(node: node, keyed: true) { connection in
                do {
                    let snapshot = try await LeaderboardSnapshot.fetch(key: key, limit: limit, order: order, from: connection)
                    return .leaderboardLoaded(node: node, key: key, result: .success(snapshot))
                } catch {
                    return .leaderboardLoaded(node: node, key: key, result: .failure(LoadError("\(error)")))
                }
            }
        case .stopLeaderboardPolling:
            leaderboardPoll?.cancel()
            leaderboardPoll = nil
        case .findMember(let node, let key, let member, let order):
            readOnce(node: node, keyed: true) { connection in
                do {
                    let rank = try await LeaderboardSnapshot.rank(of: member, in: key, order: order, from: connection)
                    return .memberRankFound(key: key, member: member, result: .success(rank))
                } catch {
                    return .memberRankFound(key: key, member: member, result: .failure(LoadError("\(error)")))
                }
            }
        case .mutate(let node, let request):
            mutate(node: node, request)
        case .runDoctor(let node, let probeHotKeys):
            runDoctor(node: node, probeHotKeys: probeHotKeys)
        case .subscribe(let node, let kind, let names):
            guard let subscriber = subscriber(node) else { return }
            chainSubscription { await subscriber.subscribe(names, kind: kind) }
        case .unsubscribe(let node, let kind, let names):
            guard let subscriber = subscribers[node] else { return }
            chainSubscription { await subscriber.unsubscribe(names, kind: kind) }
        case .publish(let node, let channel, let message):
            guard let service = mutator(node) else {
                continuation.yield(.published(channel: channel, result: .failure(LoadError("changes are refused: the audit log could not be opened"))))
                return
            }
            let continuation = self.continuation
            Task.detached {
                do {
                    let receivers = try await service.publish(channel: channel, message: message)
                    continuation.yield(.published(channel: channel, result: .success(receivers)))
                } catch {
                    continuation.yield(.published(channel: channel, result: .failure(LoadError("\(error)"))))
                }
            }
        case .listChannels(let node):
            readOnce(node: node) { connection in
                do {
                    return .channelsListed(node: node, result: .success(try await ActiveChannels.fetch(from: connection)))
                } catch {
                    return .channelsListed(node: node, result: .failure(LoadError("\(error)")))
                }
            }
        case .checkKeyspaceEvents(let node):
            readOnce(node: node) { connection in
                do {
                    return .keyspaceEventsChecked(node: node, result: .success(try await KeyspaceEventsSetting.fetch(from: connection)))
                } catch {
                    return .keyspaceEventsChecked(node: node, result: .failure(LoadError("\(error)")))
                }
            }
        case .setKeyspaceEvents(let node, let flags, let previous):
            guard let service = mutator(node) else {
                continuation.yield(.keyspaceEventsSet(node: node, flags: flags, previous: previous, error: LoadError("changes are refused: the audit log could not be opened")))
                return
            }
            let continuation = self.continuation
            Task.detached {
                do {
                    try await service.setKeyspaceEvents(flags, previous: previous)
                    continuation.yield(.keyspaceEventsSet(node: node, flags: flags, previous: previous, error: nil))
                } catch {
                    continuation.yield(.keyspaceEventsSet(node: node, flags: flags, previous: previous, error: LoadError("\(error)")))
                }
            }
        case .refreshKeys(let node, let keys):
            guard let scanner = state.keys.spansCluster ? clusterScanner : scanners[node] else { return }
            Task { for key in keys { _ = try? await scanner.refresh(key) } }
        case .dumpScreen:
            let text = lastFrame?.textLines().joined(separator: "\n") ?? ""
            let report = HealthReport(nodes: state.nodes, alerts: state.alerts, interval: state.interval)
            let directory = dumpDirectory
            let continuation = self.continuation
            Task.detached {
                continuation.yield(.dumpFinished(ScreenDump.write(screen: text, figures: report.json(), to: directory, at: Date())))
            }
        }
    }

    /// Node `node`'s subscriber, made on first use with a task that drains its inbox every 100 ms
    /// into one message: the loop sees at most ten batches a second, however fast messages come.
    private func subscriber(_ node: Int) -> SubscriberConnection? {
        if let existing = subscribers[node] { return existing }
        guard connections.indices.contains(node) else { return nil }
        var options = connections[node].options
        options.clientName = "cachescope-sub"
        let subscriber = SubscriberConnection(options: options, inbox: PubSubInbox(capacity: state.pubsub.log.capacity))
        subscribers[node] = subscriber
        let inbox = subscriber.inbox
        let continuation = self.continuation
        background.append(Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                let batch = inbox.drain()
                if !batch.isEmpty { continuation.yield(.pubsubReceived(node: node, batch: batch, now: MonotonicClock.now())) }
            }
        })
        return subscriber
    }

    private func chainSubscription(_ body: @escaping @Sendable () async -> Void) {
        let previous = subscriptionChain
        subscriptionChain = Task {
            await previous?.value
            await body()
        }
    }

    private func keyspaceConnection(_ node: Int) -> ManagedConnection {
        if let existing = keyspaceConnections[node] { return existing }
        let connection = ManagedConnection(options: connections[node].options)
        keyspaceConnections[node] = connection
        return connection
    }

    /// Where commands about one key go: in cluster mode the cluster (the key's slot owner answers),
    /// otherwise node `node`'s keyspace connection.
    private func keyedConnection(_ node: Int) -> any RedisPipelining {
        if let cluster { return readFromReplicas ? ClusterReplicaReads(cluster) : cluster }
        return keyspaceConnection(node)
    }

    /// Runs `read` once on node `node`'s keyspace connection (or, for `keyed` reads in cluster
    /// mode, the cluster), off the actor, and sends the message it returns to the loop.
    private func readOnce(node: Int, keyed: Bool = false, _ read: @escaping @Sendable (any RedisPipelining) async -> AppMessage) {
        guard connections.indices.contains(node) else { return }
        let connection: any RedisPipelining = keyed ? keyedConnection(node) : keyspaceConnection(node)
        let continuation = self.continuation
        Task.detached { continuation.yield(await read(connection)) }
    }

    /// Runs `read` on node `node`'s keyspace connection (or, for `keyed` reads in cluster mode,
    /// the cluster) now and then every interval until cancelled, sending each result to the loop.
    private func poll(node: Int, keyed: Bool = false, _ read: @escaping @Sendable (any RedisPipelining) async -> AppMessage) -> Task<Void, Never>? {
        guard connections.indices.contains(node) else { return nil }
        let connection: any RedisPipelining = keyed ? keyedConnection(node) : keyspaceConnection(node)
        let continuation = self.continuation
        let interval = Duration.milliseconds(Int(state.interval * 1000))
        return Task.detached {
            while !Task.isCancelled {
                let message = await read(connection)
                if Task.isCancelled { break }
                continuation.yield(message)
                try? await Task.sleep(for: interval)
            }
        }
    }

    private func startScan(node: Int, filter: KeyFilter) {
        guard connections.indices.contains(node) else { return }
        let scanner: KeyspaceScanner
        if cluster != nil, state.keys.spansCluster {
            // One index over the whole cluster: SCAN walks every primary (or a replica of each
            // with `read_from_replicas`), lookups go to each key's owner (or its replica).
            if let existing = clusterScanner {
                scanner = existing
            } else {
                scanner = KeyspaceScanner(scanConnection: keyedConnection(node), policy: clusterAwarePolicy, delimiter: delimiter)
                clusterScanner = scanner
                background.append(Task.detached { [weak self] in
                    for await update in scanner.updates { await self?.deliverScan(update, node: node, clusterWide: true) }
                })
            }
        } else if let existing = scanners[node] {
            scanner = existing
        } else {
            // A cluster node (`:node N`): SCAN it, but look keys up at their owner (a replica would
            // redirect). A standalone node: lookups on a second connection, overlapping the SCANs.
            let lookupTargets: [any RedisPipelining]
            if cluster != nil {
                lookupTargets = [keyedConnection(node)]
            } else {
                let lookups = lookupConnections[node] ?? ManagedConnection(options: connections[node].options)
                lookupConnections[node] = lookups
                lookupTargets = [lookups]
            }
            scanner = KeyspaceScanner(scanConnection: keyspaceConnection(node), lookupConnections: lookupTargets, policy: clusterAwarePolicy, delimiter: delimiter)
            scanners[node] = scanner
            if cluster == nil {
                let continuation = self.continuation
                background.append(Task.detached {
                    for await update in scanner.updates { continuation.yield(.keyspaceUpdated(node: node, update: update)) }
                })
            } else {
                background.append(Task.detached { [weak self] in
                    for await update in scanner.updates { await self?.deliverScan(update, node: node, clusterWide: false) }
                })
            }
        }
        // A scan asked for after the node came back must not fail on this connection's backoff.
        // Chained per node so scans start in the order they were asked for.
        // Both of the scan's connections: SCAN runs on one, the lookups on the other.
        let scanConnections = [keyspaceConnection(node)] + (lookupConnections[node].map { [$0] } ?? [])
        let previous = scanStarts[node]
        scanStarts[node] = Task {
            await previous?.value
            for connection in scanConnections {
                await connection.reconnectNowIfDown()
                await connection.waitForAttempt()
            }
            await scanner.start(filter: filter)
        }
    }

    /// Cluster mode: the whole-cluster scan and a focused node's scan may both report for node
    /// index 0; only the one matching the keys pane's scope reaches the loop.
    private func deliverScan(_ update: KeyspaceScanUpdate, node: Int, clusterWide: Bool) {
        guard state.keys.spansCluster == clusterWide else { return }
        continuation.yield(.keyspaceUpdated(node: node, update: update))
    }

    /// The scan policy; in cluster mode without the lookup script, whose keys may span slots
    /// (a cluster refuses that with CROSSSLOT).
    private var clusterAwarePolicy: ScanLoadPolicy {
        guard cluster != nil else { return scanPolicy }
        var policy = scanPolicy
        policy.useLookupScript = false
        return policy
    }

    private func read(node: Int, key: [UInt8], type: RedisKeyType, cursor: ValueCursor?) {
        guard connections.indices.contains(node) else { return }
        let inspector = KeyInspector(connection: keyedConnection(node))
        let continuation = self.continuation
        Task.detached {
            if cursor == nil {
                do {
                    let detail = try await inspector.detail(of: key, expectedType: type)
                    continuation.yield(.keyDetailLoaded(key: key, result: .success(detail)))
                    guard let detail else { return }
                    let page = try await inspector.page(of: key, type: detail.type, from: .start)
                    continuation.yield(.valuePageLoaded(key: key, result: .success(page)))
                } catch {
                    continuation.yield(.keyDetailLoaded(key: key, result: .failure(LoadError("\(error)"))))
                }
            } else if let cursor {
                do {
                    let page = try await inspector.page(of: key, type: type, from: cursor)
                    continuation.yield(.valuePageLoaded(key: key, result: .success(page)))
                } catch {
                    continuation.yield(.valuePageLoaded(key: key, result: .failure(LoadError("\(error)"))))
                }
            }
        }
    }

    private func mutator(_ node: Int) -> MutationService? {
        if let cluster {
            // Cluster mode: one path for the whole cluster; single keys go to their slot's owner,
            // pattern changes SCAN every primary and split multi-key commands by slot.
            if let clusterMutator { return clusterMutator }
            guard let auditLog else { return nil }
            let service = MutationService(connection: cluster, node: "cluster", database: 0, readOnly: state.readOnly, auditLog: auditLog, undoBudget: mutationLimits.undoBudgetBytes)
            clusterMutator = service
            return service
        }
        if let existing = mutators[node] { return existing }
        guard let auditLog, connections.indices.contains(node) else { return nil }
        let options = connections[node].options
        let service = MutationService(connection: keyspaceConnection(node), node: "\(options.endpoint)", database: options.database, readOnly: state.readOnly, auditLog: auditLog, undoBudget: mutationLimits.undoBudgetBytes)
        mutators[node] = service
        return service
    }

    /// Runs the cache doctor over the node's current index (partial while the scan runs) on the
    /// keyspace connection, off the loop; the report comes back as `.doctorFinished`.
    private func runDoctor(node: Int, probeHotKeys: Bool) {
        guard connections.indices.contains(node) else { return }
        let continuation = self.continuation
        let scanner = scanners[node]
        let connection = keyspaceConnection(node)
        let label = "\(connections[node].options.endpoint)"
        Task.detached {
            guard let scanner else {
                continuation.yield(.doctorFinished(node: node, result: .failure(LoadError("the keyspace is not indexed yet: open Keys (2) first"))))
                return
            }
            let view = await scanner.view
            let progress = await scanner.progress
            let report = await CacheDoctor(connection: connection, node: label, probeRecentUse: probeHotKeys)
                .diagnose(view, complete: progress.phase == .finished, expectedKeys: progress.expectedKeys)
            continuation.yield(.doctorFinished(node: node, result: .success(report)))
        }
    }

    private func mutate(node: Int, _ request: MutationRequest) {
        let continuation = self.continuation
        if request == .abortBulk {
            bulkTask?.cancel()
            return
        }
        guard let service = mutator(node) else {
            continuation.yield(.mutationFinished(.failed("changes are refused: the audit log could not be opened")))
            return
        }
        let rate = mutationLimits.keysPerSecond
        let task = Task.detached {
            let result: MutationResult
            do {
                switch request {
                case .expire(let key, let seconds): result = .changed(try await service.expire(key, seconds: seconds))
                case .persist(let key): result = .changed(try await service.persist(key))
                case .prepareDelete(let keys): result = .deletePlanned(try await service.prepareDelete(keys))
                case .delete(let plan): result = .deleted(try await service.delete(plan), keys: plan.keys)
                case .undo: result = .undone(try await service.undo())
                case .dryRun(let pattern, let type, let purpose): result = .patternPlanned(try await service.dryRun(GlobPattern(pattern), typeFilter: type), purpose: purpose)
                case .deleteMatching(let plan):
                    result = .bulkFinished(try await service.deleteMatching(plan, rate: rate) { continuation.yield(.mutationFinished(.bulkProgress($0))) })
                case .expireMatching(let plan, let seconds, let jitter):
                    result = .bulkFinished(try await service.expireMatching(plan, seconds: seconds, jitter: jitter, rate: rate) { continuation.yield(.mutationFinished(.bulkProgress($0))) })
                case .dryRunMissingTTL(let pattern, let seconds, let jitter):
                    result = .patternPlanned(try await service.dryRunMissingTTL(pattern), purpose: .addTTL(seconds: seconds, jitter: jitter))
                case .addTTLMatching(let plan, let seconds, let jitter):
                    result = .bulkFinished(try await service.addTTLWithJitter(plan, seconds: seconds, jitter: jitter, rate: rate) { continuation.yield(.mutationFinished(.bulkProgress($0))) })
                case .abortBulk: return
                }
            } catch {
                result = .failed("\(error)")
            }
            continuation.yield(.mutationFinished(result))
        }
        switch request {
        case .deleteMatching, .expireMatching, .addTTLMatching: bulkTask = task
        default: break
        }
    }

    private func shutdown() async {
        bulkTask?.cancel()
        for task in background { task.cancel() }
        serverPoll?.cancel()
        leaderboardPoll?.cancel()
        for scanner in scanners.values { await scanner.cancel() }
        // A notify-keyspace-events value cachescope changed goes back to what it was.
        if let restore = state.pubsub.keyspaceRestore, let service = mutator(restore.node) {
            try? await service.setKeyspaceEvents(restore.previous, previous: restore.current)
        }
        for subscriber in subscribers.values { await subscriber.close() }
        await clusterScanner?.cancel()
        continuation.finish()
        await withTaskGroup(of: Void.self) { group in
            for connection in connections + Array(keyspaceConnections.values) + Array(lookupConnections.values) { group.addTask { await connection.close() } }
        }
        await cluster?.close()
    }
}
