import Foundation
import Inspector
import RedisClient
import TerminalUI

/// The one loop that owns `AppState`: messages in (terminal events, samples, ticks), `update`,
/// effects out to tasks on the network/disk side, a frame out after every message. Nothing
/// in this loop waits on the network.
public actor AppRuntime {
    private var state: AppState
    private let connections: [ManagedConnection]
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

    /// - Parameters:
    ///   - state: the starting state (nodes in the same order as `connections`).
    ///   - connections: one managed connection per node.
    ///   - frameSink: receives every finished frame (the terminal draws the newest).
    ///   - dumpDirectory: where `:dump` writes its files.
    private let scanPolicy: ScanLoadPolicy

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
    public init(state: AppState, connections: [ManagedConnection], frameSink: @escaping @Sendable (Buffer) -> Void, dumpDirectory: String = FileManager.default.currentDirectoryPath, scanPolicy: ScanLoadPolicy = .default, auditLog: AuditLog?, mutationLimits: MutationLimits = MutationLimits()) {
        self.scanPolicy = scanPolicy
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

    /// Runs until the user quits; then stops sampling and closes every connection.
    public func run() async {
        let monitor = self.monitor
        let continuation = self.continuation
        background.append(Task.detached {
            await monitor.run { index, outcome in continuation.yield(.sampled(node: index, outcome: outcome)) }
        })
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
                perform(effect)
            }
            // A tick only moves countdowns: when something else drew within the last second
            // (a sample does, every interval), the frame is current enough — half the idle work.
            if case .tick = message, MonotonicClock.now() - lastDrawTime < 0.95 { continue }
            draw()
        }
        await shutdown()
    }

    private func draw() {
        lastDrawTime = MonotonicClock.now()
        let frame = AppView.render(state)
        lastFrame = frame
        frameSink(frame)
    }

    private func perform(_ effect: AppEffect) {
        switch effect {
        case .quit:
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
            leaderboardPoll = poll(node: node) { connection in
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
            guard connections.indices.contains(node) else { return }
            let connection = keyspaceConnection(node)
            let continuation = self.continuation
            Task.detached {
                do {
                    let rank = try await LeaderboardSnapshot.rank(of: member, in: key, order: order, from: connection)
                    continuation.yield(.memberRankFound(key: key, member: member, result: .success(rank)))
                } catch {
                    continuation.yield(.memberRankFound(key: key, member: member, result: .failure(LoadError("\(error)"))))
                }
            }
        case .mutate(let node, let request):
            mutate(node: node, request)
        case .refreshKeys(let node, let keys):
            guard let scanner = scanners[node] else { return }
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

    private func keyspaceConnection(_ node: Int) -> ManagedConnection {
        if let existing = keyspaceConnections[node] { return existing }
        let connection = ManagedConnection(options: connections[node].options)
        keyspaceConnections[node] = connection
        return connection
    }

    /// Runs `read` on node `node`'s keyspace connection now and then every interval until
    /// cancelled, sending each result to the loop.
    private func poll(node: Int, _ read: @escaping @Sendable (ManagedConnection) async -> AppMessage) -> Task<Void, Never>? {
        guard connections.indices.contains(node) else { return nil }
        let connection = keyspaceConnection(node)
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
        if let existing = scanners[node] {
            scanner = existing
        } else {
            let connection = keyspaceConnection(node)
            scanner = KeyspaceScanner(scanConnection: connection, policy: scanPolicy)
            scanners[node] = scanner
            let continuation = self.continuation
            background.append(Task.detached {
                for await update in scanner.updates { continuation.yield(.keyspaceUpdated(node: node, update: update)) }
            })
        }
        // A scan asked for after the node came back must not fail on this connection's backoff.
        // Chained per node so scans start in the order they were asked for.
        let connection = keyspaceConnection(node)
        let previous = scanStarts[node]
        scanStarts[node] = Task {
            await previous?.value
            await connection.reconnectNowIfDown()
            await connection.waitForAttempt()
            await scanner.start(filter: filter)
        }
    }

    private func read(node: Int, key: [UInt8], type: RedisKeyType, cursor: ValueCursor?) {
        guard connections.indices.contains(node) else { return }
        let inspector = KeyInspector(connection: keyspaceConnection(node))
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
        if let existing = mutators[node] { return existing }
        guard let auditLog, connections.indices.contains(node) else { return nil }
        let options = connections[node].options
        let service = MutationService(connection: keyspaceConnection(node), node: "\(options.endpoint)", database: options.database, readOnly: state.readOnly, auditLog: auditLog, undoBudget: mutationLimits.undoBudgetBytes)
        mutators[node] = service
        return service
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
                case .abortBulk: return
                }
            } catch {
                result = .failed("\(error)")
            }
            continuation.yield(.mutationFinished(result))
        }
        switch request {
        case .deleteMatching, .expireMatching: bulkTask = task
        default: break
        }
    }

    private func shutdown() async {
        bulkTask?.cancel()
        for task in background { task.cancel() }
        serverPoll?.cancel()
        leaderboardPoll?.cancel()
        for scanner in scanners.values { await scanner.cancel() }
        continuation.finish()
        await withTaskGroup(of: Void.self) { group in
            for connection in connections + Array(keyspaceConnections.values) { group.addTask { await connection.close() } }
        }
    }
}
