import NIOCore
import NIOPosix
import RESP

/// A connection that looks after itself: connects lazily, reconnects with exponential backoff and
/// jitter when the connection drops, and reports every change of ``ConnectionState``.
///
/// While the node is down, ``send(_:)`` and ``pipeline(_:)`` throw at once (`.notConnected`, with
/// the last error) rather than waiting for the next attempt: the dashboard never stalls on a dead node.
public actor ManagedConnection {
    /// The options every attempt uses.
    public nonisolated let options: ConnectionOptions
    /// Every state change, newest last (buffers the newest 64). Meant for one consumer.
    public nonisolated let stateChanges: AsyncStream<ConnectionState>

    /// The current state.
    public private(set) var state: ConnectionState = .idle

    private let group: any EventLoopGroup
    private let policy: ReconnectPolicy
    private let stateContinuation: AsyncStream<ConnectionState>.Continuation
    private var connection: RedisConnection?
    private var attemptTask: Task<Void, Never>?
    private var failures = 0
    private var downSince: ContinuousClock.Instant?
    private var generation = 0

    /// Creates a managed connection; nothing happens until ``start()`` or the first command.
    public init(
        options: ConnectionOptions,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        policy: ReconnectPolicy = .default
    ) {
        self.options = options
        self.group = group
        self.policy = policy
        (stateChanges, stateContinuation) = AsyncStream<ConnectionState>.makeStream(bufferingPolicy: .bufferingNewest(64))
    }

    /// The node.
    public nonisolated var endpoint: RedisEndpoint { options.endpoint }

    /// The live connection, if connected.
    public var current: RedisConnection? { connection }

    /// Starts connecting (if idle) without waiting.
    public func start() {
        guard case .idle = state else { return }
        beginAttempt(after: .zero)
    }

    /// While down and waiting out a backoff, tries again now (the caller has reason to think the
    /// node is back, e.g. another connection to it just succeeded). Otherwise does nothing.
    public func reconnectNowIfDown() {
        guard case .failed = state else { return }
        attemptTask?.cancel()
        beginAttempt(after: .zero)
    }

    /// Waits for the current connection attempt to finish; returns the state afterwards.
    @discardableResult
    public func waitForAttempt() async -> ConnectionState {
        if case .idle = state { beginAttempt(after: .zero) }
        if case .connecting = state, let attemptTask { await attemptTask.value }
        return state
    }

    /// Sends a command on the live connection.
    /// - Throws: ``RedisError``; `.notConnected` immediately while the node is down.
    public func send(_ command: RedisCommand) async throws -> RESPValue {
        let live = try await liveConnection()
        do {
            return try await live.send(command)
        } catch let error as RedisError {
            noteFailure(error, of: live)
            throw error
        }
    }

    /// Pipelines commands on the live connection (see ``RedisConnection/pipeline(_:)``).
    /// - Throws: ``RedisError``; `.notConnected` immediately while the node is down.
    public func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        let live = try await liveConnection()
        do {
            return try await live.pipeline(commands)
        } catch let error as RedisError {
            noteFailure(error, of: live)
            throw error
        }
    }

    /// Closes the connection and stops reconnecting.
    public func close() async {
        generation += 1
        attemptTask?.cancel()
        attemptTask = nil
        let old = connection
        connection = nil
        setState(.closed)
        stateContinuation.finish()
        await old?.close()
    }

    // MARK: - Internals

    private func liveConnection() async throws(RedisError) -> RedisConnection {
        if case .idle = state { beginAttempt(after: .zero) }
        if case .connecting = state, let attemptTask { await attemptTask.value }
        switch state {
        case .connected:
            if let connection { return connection }
            throw RedisError(.notConnected, "not connected", endpoint: endpoint)
        case .failed(let error, _, let next):
            let wait = max(.zero, next - .now)
            throw RedisError(.notConnected, "not connected (retrying in \(wait.shortDescription)): \(error.message)", endpoint: endpoint)
        case .closed:
            throw RedisError(.closed, "connection closed", endpoint: endpoint)
        case .idle, .connecting:
            throw RedisError(.notConnected, "not connected", endpoint: endpoint)
        }
    }

    private func beginAttempt(after delay: Duration) {
        generation += 1
        let myGeneration = generation
        if delay == .zero { setState(.connecting) }
        attemptTask = Task { [options, group] in
            if delay > .zero {
                try? await Task.sleep(for: delay)
                guard self.isCurrent(myGeneration) else { return }
                self.setState(.connecting)
            }
            do {
                let live = try await RedisConnection.connect(options, group: group)
                await self.connected(live, generation: myGeneration)
            } catch {
                self.attemptFailed(RedisError.from(error, endpoint: options.endpoint), generation: myGeneration)
            }
        }
    }

    private func isCurrent(_ attempt: Int) -> Bool { attempt == generation && state != .closed }

    private func connected(_ live: RedisConnection, generation attempt: Int) async {
        guard isCurrent(attempt) else {
            await live.close()
            return
        }
        connection = live
        failures = 0
        downSince = nil
        setState(.connected(since: .now))
        live.whenClosed { [weak self] in
            Task { await self?.connectionClosed(live) }
        }
    }

    private func attemptFailed(_ error: RedisError, generation attempt: Int) {
        guard isCurrent(attempt) else { return }
        scheduleRetry(after: error)
    }

    private func connectionClosed(_ live: RedisConnection) {
        guard connection === live, state.isConnected else { return }
        connection = nil
        // Say why when the connection knows (a reset, a protocol error, a server gone silent).
        let reason = live.closeReason.map { RedisError($0.kind, "connection lost: \($0.message)", endpoint: endpoint) }
        scheduleRetry(after: reason ?? RedisError(.closed, "connection lost", endpoint: endpoint))
    }

    private func noteFailure(_ error: RedisError, of live: RedisConnection) {
        guard error.isConnectionLevel, connection === live, state.isConnected else { return }
        connection = nil
        Task { await live.close() }
        scheduleRetry(after: error)
    }

    private func scheduleRetry(after error: RedisError) {
        failures += 1
        let now = ContinuousClock.now
        let since = downSince ?? now
        downSince = since
        let delay = policy.delay(forAttempt: failures)
        setState(.failed(error, since: since, nextAttempt: now + delay))
        beginAttempt(after: delay)
    }

    private func setState(_ new: ConnectionState) {
        guard state != .closed else { return }
        state = new
        stateContinuation.yield(new)
    }
}
