// The coordinator: owns AppState, runs the loop, and hands each effect to the part that runs it.
import AppCore
import Foundation
import Inspector
import RedisClient
import TerminalUI

/// The one loop that owns `AppState`: messages in (terminal events, samples, ticks, results),
/// `AppUpdate.update`, effects out to the runtime's parts, a frame out after every message.
/// Nothing in this loop waits on the network.
///
/// Each concern is a part with its own tasks, closed on shutdown: ``NodeConnections`` (the
/// registry), ``HealthFeed`` (samples and ticks), ``KeyspaceWork``, ``MutationWork``,
/// ``PubSubWork``, ``PaneReads`` (polls) and ``LocalWork`` (themes, dumps); the cluster topology
/// is followed in `AppRuntime+Topology.swift`, a Sentinel group in `AppRuntime+Sentinel.swift`.
public actor AppRuntime {
    var state: AppState
    private let frameSink: @Sendable (Buffer) -> Void
    private let inputAnswered: @Sendable () -> Void
    private let messages: AsyncStream<AppMessage>
    let sink: MessageSink
    private var lastFrame: Buffer?
    private var lastDrawTime: Double = 0
    /// The generation of the last keys walk seen finished (``returnMemoryAfterWalk(_:)``).
    private var lastFinishedWalk: Int?

    let connections: NodeConnections
    /// Long-lived work of the runtime itself: samplers, the tick, the topology follower.
    let background = TaskScope()
    private let keyspace: KeyspaceWork
    private let mutations: MutationWork
    private let pubsub: PubSubWork
    private let paneReads: PaneReads
    private let local: LocalWork
    let auditLog: AuditLog?
    /// The recording being written, if any (`--record`, `:record start`).
    var recording: RecordingTap?
    /// Where to record from the start (`--record`, `record =` in the config).
    private let recordPath: String?
    /// Written into a recording's `meta`.
    let cachescopeVersion: String
    /// How often a recording gets the keys index's top prefixes.
    let recordingPrefixInterval: Duration

    /// - Parameters:
    ///   - state: the starting state (nodes in the same order as `connections`).
    ///   - connections: one managed connection per node.
    ///   - frameSink: receives every finished frame (the terminal draws the newest).
    ///   - inputAnswered: called for each terminal event taken in, before the frame that answers
    ///     it goes to `frameSink` (the terminal's input timing, ``NcursesTerminal/inputAnswered()``).
    ///   - dumpDirectory: where `:dump` writes its files.
    ///   - auditLog: where every change is recorded; without one, every change is refused.
    ///   - cluster: in cluster mode, the connected cluster client (`connections` are then its
    ///     nodes, in topology order); new nodes it discovers are added as they appear.
    ///   - readFromReplicas: cluster mode: the keys index and value reads go to replicas.
    ///   - sentinel: in Sentinel mode, the connected client (`connections` are then the group's
    ///     nodes); the group is followed through failovers and new nodes are added as they appear.
    ///   - recordPath: records the session into this new SQLite file from the start.
    ///   - cachescopeVersion: the version a recording's `meta` names.
    ///   - recordingPrefixInterval: how often a recording gets the top prefixes (a minute).
    public init(
        state: AppState, connections: [ManagedConnection], frameSink: @escaping @Sendable (Buffer) -> Void,
        inputAnswered: @escaping @Sendable () -> Void = {}, dumpDirectory: String = FileManager.default.currentDirectoryPath, scanPolicy: ScanLoadPolicy = .default,
        delimiter: UInt8 = UInt8(ascii: ":"), auditLog: AuditLog?, mutationLimits: MutationLimits = MutationLimits(),
        cluster: ClusterClient? = nil, readFromReplicas: Bool = false, sentinel: SentinelClient? = nil, recordPath: String? = nil,
        cachescopeVersion: String = "unknown", recordingPrefixInterval: Duration = .seconds(60)
    ) {
        self.cachescopeVersion = cachescopeVersion
        self.recordingPrefixInterval = recordingPrefixInterval
        self.state = state
        self.auditLog = auditLog
        self.recordPath = recordPath
        self.frameSink = frameSink
        self.inputAnswered = inputAnswered
        let (messages, continuation) = AsyncStream<AppMessage>.makeStream(bufferingPolicy: .unbounded)
        self.messages = messages
        let sink = MessageSink(continuation: continuation)
        self.sink = sink
        self.connections = NodeConnections(sampling: connections, cluster: cluster, sentinel: sentinel, readFromReplicas: readFromReplicas)
        let features = ServerFeatureCache()
        keyspace = KeyspaceWork(sink: sink, policy: scanPolicy, delimiter: delimiter, features: features)
        mutations = MutationWork(sink: sink, auditLog: auditLog, readOnly: state.readOnly, limits: mutationLimits)
        pubsub = PubSubWork(sink: sink, logCapacity: state.pubsub.log.capacity)
        paneReads = PaneReads(sink: sink, interval: state.interval, features: features)
        local = LocalWork(scope: background, sink: sink, dumpDirectory: dumpDirectory)
    }

    /// Queues a message for the loop; callable from any thread.
    public nonisolated func send(_ message: AppMessage) {
        sink.send(message)
    }

    /// Why `run()` returned.
    public enum Exit: Sendable, Equatable {
        /// The user quit (or a signal arrived).
        case quit
        /// The user asked for another named connection (`:ctx NAME`).
        case switchContext(String)
    }

    /// The health feed: samples every interval, a tick every second.
    var health: HealthFeed { HealthFeed(scope: background, sink: sink, interval: state.interval) }

    /// Runs until the user quits or switches connection; then stops every part and closes
    /// every connection.
    @discardableResult
    public func run() async -> Exit {
        var exit = Exit.quit
        health.sample(connections.sampling)
        health.tick()
        followTopology()
        followSentinel()
        FreedMemory.returnPeriodically(in: background)
        state.now = MonotonicClock.now()
        state.wallMilliseconds = wallClockMilliseconds()
        if let recordPath { await startRecording(recordPath) }
        draw()
        loop: for await message in messages {
            let firingBefore = recording == nil ? [:] : RecordingTap.firing(state)
            let effects = AppUpdate.update(&state, message)
            // The next frame answers it: drawn below, or, after `:ctx`, the next runtime's first.
            if case .terminal = message { inputAnswered() }
            returnMemoryAfterWalk(message)
            recording?.observe(message, firingBefore: firingBefore, state: state, wallMilliseconds: wallClockMilliseconds())
            for effect in effects {
                if effect == .quit { break loop }
                if case .switchContext(let name) = effect {
                    exit = .switchContext(name)
                    break loop
                }
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

    /// Once the state holds a finished walk's view, the views published on the way and the walk's
    /// lookup replies are free: handed back at once, not at the next periodic return.
    private func returnMemoryAfterWalk(_ message: AppMessage) {
        guard case .keyspaceUpdated(_, let update, _) = message, update.progress.phase == .finished,
            update.generation != lastFinishedWalk
        else { return }
        lastFinishedWalk = update.generation
        background.spawn { FreedMemory.returnToTheSystem() }
    }

    private func draw() {
        lastDrawTime = MonotonicClock.now()
        let frame = AppView.render(state)
        lastFrame = frame
        frameSink(frame)
    }

    /// Hands `effect` to the part that runs it.
    private func perform(_ effect: AppEffect) {
        let clusterWide = state.keys.spansCluster
        switch effect {
        case .quit, .switchContext, .replay:
            break
        case .startRecording(let path):
            let file = path ?? RecordingFileName.timestamped(wallMilliseconds: wallClockMilliseconds())
            Task { await self.startRecording(file) }
        case .stopRecording:
            Task { await self.stopRecording() }
        case .loadTheme(let name):
            local.loadTheme(name)
        case .dumpScreen:
            let report = HealthReport(nodes: state.nodes, alerts: state.alerts, interval: state.interval)
            local.dump(screen: lastFrame?.textLines().joined(separator: "\n") ?? "", report: report, timeline: state.sentinel?.timeline)
        case .startScan(let node, let filter):
            keyspace.startScan(node: node, filter: filter, clusterWide: clusterWide, connections: connections)
        case .refreshKeys(let node, let keys):
            keyspace.refresh(keys, node: node, clusterWide: clusterWide)
        case .openKey(let node, let key, let type):
            guard connections.contains(node) else { return }
            keyspace.read(key, type: type, from: nil, node: node, on: connections.keyedConnection(node), probe: connections.keyspaceConnection(node))
        case .loadValuePage(let node, let key, let type, let cursor):
            guard connections.contains(node) else { return }
            keyspace.read(key, type: type, from: cursor, node: node, on: connections.keyedConnection(node), probe: connections.keyspaceConnection(node))
        case .runDoctor(let node, let probeHotKeys):
            keyspace.runDoctor(node: node, probeHotKeys: probeHotKeys, connections: connections)
        case .mutate(let node, let request):
            mutations.refusal = state.sentinel?.changeRefusal
            mutations.followsFailovers = state.sentinel != nil
            mutations.mutate(request, node: node, connections: connections)
        case .publish(let node, let channel, let message):
            mutations.refusal = state.sentinel?.changeRefusal
            mutations.publish(message, to: channel, node: node, connections: connections)
        case .setKeyspaceEvents(let node, let flags, let previous):
            mutations.refusal = state.sentinel?.changeRefusal
            mutations.setKeyspaceEvents(flags, previous: previous, node: node, connections: connections)
        case .subscribe(let node, let kind, let names):
            pubsub.subscribe(names, kind: kind, node: node, connections: connections)
        case .unsubscribe(let node, let kind, let names):
            pubsub.unsubscribe(names, kind: kind, node: node)
        case .pollServer(let node):
            guard connections.contains(node) else { return }
            paneReads.pollServer(node: node, on: connections.keyspaceConnection(node), cluster: connections.cluster)
        case .stopServerPolling:
            paneReads.stopServerPolling()
        case .pollLeaderboard(let node, let key, let order, let limit):
            guard connections.contains(node) else { return }
            paneReads.pollLeaderboard(node: node, key: key, order: order, limit: limit, on: connections.keyedConnection(node))
        case .stopLeaderboardPolling:
            paneReads.stopLeaderboardPolling()
        case .findMember(let node, let key, let member, let order):
            guard connections.contains(node) else { return }
            paneReads.findMember(member, in: key, order: order, on: connections.keyedConnection(node))
        case .countSortedSets(let node, let keys):
            guard connections.contains(node) else { return }
            paneReads.countSortedSets(keys, node: node, on: connections.keyedConnection(node))
        case .listChannels(let node):
            guard connections.contains(node) else { return }
            paneReads.listChannels(node: node, on: connections.keyspaceConnection(node))
        case .checkKeyspaceEvents(let node):
            guard connections.contains(node) else { return }
            paneReads.checkKeyspaceEvents(node: node, on: connections.keyspaceConnection(node))
        }
    }

    /// Stops every part (each waits for its tasks), puts back what cachescope changed, and
    /// closes every connection.
    private func shutdown() async {
        await stopRecording()
        await paneReads.close()
        await keyspace.close()
        await mutations.close(restoring: state.pubsub.keyspaceRestore, connections: connections)
        await pubsub.close()
        await background.cancelAll()
        sink.continuation.finish()
        await connections.closeAll()
    }
}
