import NIOCore
import NIOPosix
import RESP

/// A dedicated subscriber connection to one node: `SUBSCRIBE`, `PSUBSCRIBE`, `SSUBSCRIBE` and
/// their unsubscribes, over RESP3 (push frames) or RESP2 (arrays in subscribed mode).
///
/// Messages never pass through this actor: they are decoded and counted on the event loop and land
/// in ``inbox`` in batches (see ``PubSubInbox``). The actor only keeps the wanted subscriptions and
/// the connection's life: when the connection drops it reconnects with backoff (``ReconnectPolicy``),
/// subscribes again to everything wanted, and posts a ``PubSubGap`` covering the time it was down.
public actor SubscriberConnection {
    /// The options every attempt uses.
    public nonisolated let options: ConnectionOptions
    /// Where messages and events arrive.
    public nonisolated let inbox: PubSubInbox

    /// The current state.
    public private(set) var state: SubscriberState = .connecting

    private let group: any EventLoopGroup
    private let policy: ReconnectPolicy
    private var wanted: [SubscriptionKind: [[UInt8]]] = [:]
    private var live: RedisConnection?
    private var started = false
    private var closed = false
    private var everConnected = false
    private var failures = 0
    private var downSince: Int64?
    private var downReason = ""
    private var generation = 0
    private var attemptTask: Task<Void, Never>?
    private var keepaliveTask: Task<Void, Never>?

    /// Creates a subscriber; nothing connects until ``start()`` or the first subscription.
    /// - Parameter inbox: where messages go (its capacity bounds what is kept between drains).
    public init(
        options: ConnectionOptions,
        inbox: PubSubInbox = PubSubInbox(),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        policy: ReconnectPolicy = .default
    ) {
        self.options = options
        self.inbox = inbox
        self.group = group
        self.policy = policy
    }

    /// The node.
    public nonisolated var endpoint: RedisEndpoint { options.endpoint }

    /// What is subscribed (or will be, once connected), per kind, in the order asked.
    public var subscriptions: [SubscriptionKind: [[UInt8]]] { wanted }

    /// True while connected.
    public var isConnected: Bool { live != nil }

    /// The protocol of the live connection (2 or 3), nil when not connected.
    public var protocolVersion: Int? { live?.protocolVersion }

    /// Starts connecting without waiting.
    public func start() {
        guard !started, !closed else { return }
        started = true
        attempt(after: .zero)
    }

    /// Subscribes to `names` (channels, patterns or shard channels). Already wanted names are skipped.
    public func subscribe(_ names: [[UInt8]], kind: SubscriptionKind) {
        guard !closed else { return }
        var list = wanted[kind] ?? []
        let new = names.filter { name in !list.contains(name) }
        guard !new.isEmpty else { return }
        list += new
        wanted[kind] = list
        if let live { write([RedisCommand(kind.subscribeCommand, arguments: new)], to: live) }
        start()
    }

    /// Unsubscribes from `names`, or from every name of `kind` when `names` is empty.
    public func unsubscribe(_ names: [[UInt8]] = [], kind: SubscriptionKind) {
        guard !closed else { return }
        let list = wanted[kind] ?? []
        let gone = names.isEmpty ? list : names.filter { list.contains($0) }
        guard !gone.isEmpty else { return }
        wanted[kind] = list.filter { !gone.contains($0) }
        if let live { write([RedisCommand(kind.unsubscribeCommand, arguments: gone)], to: live) }
    }

    /// Closes the connection and stops reconnecting.
    public func close() async {
        guard !closed else { return }
        closed = true
        generation += 1
        attemptTask?.cancel()
        attemptTask = nil
        keepaliveTask?.cancel()
        keepaliveTask = nil
        let old = live
        live = nil
        setState(.closed)
        await old?.close()
    }

    /// Closes the live connection as if the network failed (tests, and a manual "reconnect").
    public func dropConnection() async {
        await live?.close()
    }

    // MARK: - Connection life

    private func attempt(after delay: Duration) {
        generation += 1
        let mine = generation
        let inbox = self.inbox
        attemptTask = Task { [options, group] in
            if delay > .zero {
                try? await Task.sleep(for: delay)
                guard self.isCurrent(mine) else { return }
            }
            do {
                let connection = try await RedisConnection.connect(options, group: group)
                let note = FailureNote()
                let liveness = SubscriberLiveness()
                do {
                    try await connection.channel.eventLoop.submit {
                        let operations = connection.channel.pipeline.syncOperations
                        let replies = try operations.handler(type: RedisChannelHandler.self)
                        try operations.addHandler(SubscriberChannelHandler(inbox: inbox, failure: note, liveness: liveness), position: .before(replies))
                    }.get()
                } catch {
                    await connection.close()
                    throw error
                }
                await self.connected(connection, note: note, liveness: liveness, generation: mine)
            } catch {
                self.attemptFailed(RedisError.from(error, endpoint: options.endpoint), generation: mine)
            }
        }
    }

    private func isCurrent(_ attempt: Int) -> Bool { attempt == generation && !closed }

    private func connected(_ connection: RedisConnection, note: FailureNote, liveness: SubscriberLiveness, generation attempt: Int) async {
        guard isCurrent(attempt) else {
            await connection.close()
            return
        }
        live = connection
        failures = 0
        let commands = SubscriptionKind.allCases.compactMap { kind -> RedisCommand? in
            guard let names = wanted[kind], !names.isEmpty else { return nil }
            return RedisCommand(kind.subscribeCommand, arguments: names)
        }
        write(commands, to: connection)
        let now = WallClock.nanoseconds()
        if let downSince, everConnected {
            inbox.post(.gap(PubSubGap(from: downSince, to: now, reason: downReason)))
        }
        everConnected = true
        downSince = nil
        setState(.connected(since: now))
        connection.whenClosed { [weak self] in
            Task { await self?.lost(connection, reason: note.text ?? "connection lost") }
        }
        keepAlive(connection, note: note, liveness: liveness)
    }

    /// PINGs a connection that has been silent a while, and closes it (so it is replaced, and the
    /// gap shown) when nothing at all comes back within the command timeout of that PING.
    private func keepAlive(_ connection: RedisConnection, note: FailureNote, liveness: SubscriberLiveness) {
        keepaliveTask?.cancel()
        let timeout = options.commandTimeout
        keepaliveTask = Task { [weak self] in
            var pinged: ContinuousClock.Instant?
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                guard let self, await self.isLive(connection), !Task.isCancelled else { return }
                let silence = liveness.silence
                if let sent = pinged, silence < .now - sent { pinged = nil }  // heard since that PING
                guard silence > SubscriberLiveness.pingAfter else { continue }
                if let sent = pinged {
                    guard .now - sent > timeout else { continue }
                    let reason = "no reply to PING for \((ContinuousClock.now - sent).components.seconds) s"
                    note.note(reason)
                    await self.wentSilent(connection, silence: liveness.silence, reason: reason)
                    await connection.close()
                    return
                }
                pinged = .now
                await self.write([RedisCommand("PING")], to: connection)
            }
        }
    }

    private func isLive(_ connection: RedisConnection) -> Bool { live === connection && !closed }

    /// Messages may have been missed since the connection last read anything, not only since the
    /// keepalive gave up on it: the gap starts there.
    private func wentSilent(_ connection: RedisConnection, silence: Duration, reason: String) {
        guard isLive(connection), downSince == nil else { return }
        let (seconds, attoseconds) = silence.components
        downSince = WallClock.nanoseconds() - (seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        downReason = reason
    }

    private func attemptFailed(_ error: RedisError, generation attempt: Int) {
        guard isCurrent(attempt) else { return }
        retry(after: error.message)
    }

    private func lost(_ connection: RedisConnection, reason: String) {
        guard live === connection, !closed else { return }
        live = nil
        retry(after: reason)
    }

    private func retry(after reason: String) {
        failures += 1
        let now = WallClock.nanoseconds()
        if downSince == nil {
            downSince = now
            downReason = reason
        }
        setState(.reconnecting(reason: reason, since: downSince ?? now))
        attempt(after: policy.delay(forAttempt: failures))
    }

    private func setState(_ new: SubscriberState) {
        guard state != new else { return }
        state = new
        inbox.post(.state(new))
    }

    /// Writes commands in one flush. Their confirmations arrive as events in the inbox.
    private func write(_ commands: [RedisCommand], to connection: RedisConnection) {
        guard !commands.isEmpty else { return }
        let channel = connection.channel
        var bytes = channel.allocator.buffer(capacity: 256)
        for command in commands { RESPEncoder.encodeCommand(command.arguments, into: &bytes) }
        channel.writeAndFlush(bytes, promise: nil)
    }
}
