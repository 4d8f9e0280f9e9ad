// Changes to servers: every one through a node's MutationService, the one mutation path.
import AppCore
import Inspector
import RedisClient

/// Runs the changes `update` asks for, each through the one mutation path of its node (or of the
/// whole cluster), which refuses them in read-only mode and writes every one to the audit log.
/// Without an audit log every change is refused.
final class MutationWork {
    private let scope = TaskScope()
    private let sink: MessageSink
    private let auditLog: AuditLog?
    private let readOnly: Bool
    private let limits: MutationLimits
    private var services: [Int: MutationService] = [:]
    private var clusterService: MutationService?
    private var bulkTask: Task<Void, Never>?
    /// Why changes are refused now (Sentinel mode, no primary confirmed), set before each change.
    var refusal: String?
    /// Sentinel mode: a change cut off by a lost connection says the primary may be changing.
    var followsFailovers = false

    /// The words every refusal for want of an audit log uses.
    static let noAuditLog = "changes are refused: the audit log could not be opened"

    init(sink: MessageSink, auditLog: AuditLog?, readOnly: Bool, limits: MutationLimits) {
        self.sink = sink
        self.auditLog = auditLog
        self.readOnly = readOnly
        self.limits = limits
    }

    /// Runs `request` on node `node`; one bulk change at a time can be aborted.
    func mutate(_ request: MutationRequest, node: Int, connections: NodeConnections) {
        if request == .abortBulk {
            bulkTask?.cancel()
            return
        }
        if let refusal, !request.isReadOnly {
            sink.send(.mutationFinished(.failed(refusal)))
            return
        }
        guard let service = service(node, connections) else {
            sink.send(.mutationFinished(.failed(Self.noAuditLog)))
            return
        }
        let sink = self.sink
        let rate = limits.keysPerSecond
        let followsFailovers = self.followsFailovers
        let task = scope.spawn {
            var result = await Self.run(request, on: service, rate: rate) { sink.send(.mutationFinished(.bulkProgress($0))) }
            if followsFailovers, case .failed(let text)? = result, Self.connectionLost(text) {
                // Never replayed: the old primary may have applied it before the switch.
                result = .failed(text + " — not retried: the primary may be changing (Sentinel failover); check the key before trying again")
            }
            if let result { sink.send(.mutationFinished(result)) }
        }
        switch request {
        case .deleteMatching, .expireMatching, .addTTLMatching: bulkTask = task
        default: break
        }
    }

    /// `PUBLISH` through the mutation path (refused in read-only mode, audited).
    func publish(_ message: [UInt8], to channel: [UInt8], node: Int, connections: NodeConnections) {
        if let refusal {
            sink.send(.published(channel: channel, result: .failure(LoadError(refusal))))
            return
        }
        guard let service = service(node, connections) else {
            sink.send(.published(channel: channel, result: .failure(LoadError(Self.noAuditLog))))
            return
        }
        let sink = self.sink
        scope.spawn {
            do {
                sink.send(.published(channel: channel, result: .success(try await service.publish(channel: channel, message: message))))
            } catch {
                sink.send(.published(channel: channel, result: .failure(LoadError(describing: error))))
            }
        }
    }

    /// Sets `notify-keyspace-events` (a confirmed, dangerous action).
    func setKeyspaceEvents(_ flags: String, previous: String, node: Int, connections: NodeConnections) {
        if let refusal {
            sink.send(.keyspaceEventsSet(node: node, flags: flags, previous: previous, error: LoadError(refusal)))
            return
        }
        guard let service = service(node, connections) else {
            sink.send(.keyspaceEventsSet(node: node, flags: flags, previous: previous, error: LoadError(Self.noAuditLog)))
            return
        }
        let sink = self.sink
        scope.spawn {
            do {
                try await service.setKeyspaceEvents(flags, previous: previous)
                sink.send(.keyspaceEventsSet(node: node, flags: flags, previous: previous, error: nil))
            } catch {
                sink.send(.keyspaceEventsSet(node: node, flags: flags, previous: previous, error: LoadError(describing: error)))
            }
        }
    }

    /// Stops a running bulk change, waits for every change in flight, and puts back a
    /// `notify-keyspace-events` value cachescope changed.
    nonisolated(nonsending) func close(restoring restore: KeyspaceRestore?, connections: NodeConnections) async {
        bulkTask?.cancel()
        await scope.cancelAll()
        if let restore, let service = service(restore.node, connections) {
            try? await service.setKeyspaceEvents(restore.previous, previous: restore.current)
        }
    }

    /// Node `node`'s mutation path, made on first use; in cluster mode one path for the whole
    /// cluster (single keys go to their slot's owner, pattern changes SCAN every primary).
    private func service(_ node: Int, _ connections: NodeConnections) -> MutationService? {
        guard let auditLog else { return nil }
        if let cluster = connections.cluster {
            if let clusterService { return clusterService }
            let service = MutationService(connection: cluster, node: "cluster", database: 0, readOnly: readOnly, auditLog: auditLog, undoBudget: limits.undoBudgetBytes)
            clusterService = service
            return service
        }
        if let existing = services[node] { return existing }
        guard connections.contains(node) else { return nil }
        let options = connections.options(node)
        let service = MutationService(
            connection: connections.keyspaceConnection(node), node: "\(options.endpoint)", database: options.database,
            readOnly: readOnly, auditLog: auditLog, undoBudget: limits.undoBudgetBytes)
        services[node] = service
        return service
    }

    /// What `request` came to (nil for an abort, which has no answer of its own).
    /// Whether an error text says the connection went away rather than the server refusing.
    static func connectionLost(_ text: String) -> Bool {
        ["connection closed", "connection refused", "not connected", "connection reset", "timed out"].contains { text.contains($0) }
    }

    private static func run(_ request: MutationRequest, on service: MutationService, rate: Int, progress: @escaping @Sendable (BulkProgress) -> Void) async -> MutationResult? {
        do {
            switch request {
            case .expire(let key, let seconds): return .changed(try await service.expire(key, seconds: seconds))
            case .persist(let key): return .changed(try await service.persist(key))
            case .expireField(let key, let field, let seconds): return .fieldChanged(try await service.expireField(key, field: field, seconds: seconds))
            case .persistField(let key, let field): return .fieldChanged(try await service.persistField(key, field: field))
            case .prepareDelete(let keys): return .deletePlanned(try await service.prepareDelete(keys))
            case .delete(let plan): return .deleted(try await service.delete(plan), keys: plan.keys)
            case .undo: return .undone(try await service.undo())
            case .dryRun(let pattern, let type, let purpose):
                return .patternPlanned(try await service.dryRun(GlobPattern(pattern), typeFilter: type), purpose: purpose)
            case .deleteMatching(let plan):
                return .bulkFinished(try await service.deleteMatching(plan, rate: rate, progress: progress))
            case .expireMatching(let plan, let seconds, let jitter):
                return .bulkFinished(try await service.expireMatching(plan, seconds: seconds, jitter: jitter, rate: rate, progress: progress))
            case .dryRunMissingTTL(let pattern, let seconds, let jitter):
                return .patternPlanned(try await service.dryRunMissingTTL(pattern), purpose: .addTTL(seconds: seconds, jitter: jitter))
            case .addTTLMatching(let plan, let seconds, let jitter):
                return .bulkFinished(try await service.addTTLWithJitter(plan, seconds: seconds, jitter: jitter, rate: rate, progress: progress))
            case .abortBulk: return nil
            case .planClientKill(let selector): return .clientKillPlanned(try await service.planClientKill(selector))
            case .killClients(let plan): return .clientsKilled(try await service.killClients(plan))
            }
        } catch {
            return .failed("\(error)")
        }
    }
}

extension MutationRequest {
    /// Dry runs and plans change nothing: they run while changes are refused for want of a primary.
    fileprivate var isReadOnly: Bool {
        switch self {
        case .prepareDelete, .dryRun, .dryRunMissingTTL, .planClientKill, .abortBulk: return true
        default: return false
        }
    }
}
