import NIOCore
import NIOPosix
import NIOSSL
import RESP
import Synchronization

/// One connection to one Redis node over SwiftNIO, with pipelining.
///
/// Any number of tasks may send concurrently: commands are written in call order and replies are
/// matched first-in first-out. ``pipeline(_:)`` writes N commands in one flush and resumes the
/// caller once with all N replies. A connection never reconnects; ``ManagedConnection`` does.
public final class RedisConnection: Sendable {
    /// The node.
    public let endpoint: RedisEndpoint
    /// The options the connection was made with.
    public let options: ConnectionOptions
    /// RESP3 push messages (pub/sub messages, client-side caching invalidations) that arrived on
    /// this connection. They are never mistaken for replies. Buffers the newest 1024.
    public let pushMessages: AsyncStream<RESPValue>

    let channel: any Channel
    private let handler: NIOLoopBound<RedisChannelHandler>
    private let negotiatedProtocol = Atomic<Int>(2)
    private let failureBox: FailureBox

    private init(options: ConnectionOptions, channel: any Channel, handler: NIOLoopBound<RedisChannelHandler>, pushMessages: AsyncStream<RESPValue>, failureBox: FailureBox) {
        self.failureBox = failureBox
        self.endpoint = options.endpoint
        self.options = options
        self.channel = channel
        self.handler = handler
        self.pushMessages = pushMessages
        self.taskExecutor = EventLoopTaskExecutor(channel.eventLoop)
    }

    /// The protocol negotiated by `HELLO`: 3, or 2 after falling back.
    public var protocolVersion: Int { negotiatedProtocol.load(ordering: .relaxed) }

    /// The first error that ended the connection (reset, protocol error, silent server…), once closed.
    public var closeReason: RedisError? { failureBox.error.withLock { $0 } }

    /// `true` while the TCP connection is open.
    public var isActive: Bool { channel.isActive }

    /// The event loop the connection's I/O runs on.
    public var eventLoop: any EventLoop { channel.eventLoop }

    /// Runs tasks on this connection's event loop. A task that prefers it
    /// (`withTaskExecutorPreference(connection.taskExecutor) { … }`) writes its requests and is
    /// resumed with their replies on the thread that reads them: no thread hop per request.
    public let taskExecutor: EventLoopTaskExecutor

    /// Connects, negotiates the protocol and prepares the session.
    ///
    /// Steps: TCP (and TLS) within `connectTimeout`; `HELLO 3` carrying `AUTH` and `SETNAME`, falling
    /// back to RESP2 (`AUTH`, `CLIENT SETNAME`) when HELLO is unknown, refused (`NOPROTO`) or not
    /// permitted; then `SELECT` when a database other than 0 is asked for.
    /// - Throws: ``RedisError`` (refused, timeout, TLS, authentication, permission…).
    public static func connect(
        _ options: ConnectionOptions,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> RedisConnection {
        let endpoint = options.endpoint
        let sslContext = try options.tls.map { tls throws(RedisError) in try TLSContextFactory.makeContext(tls, endpoint: endpoint) }
        let serverName = options.tls.flatMap { TLSContextFactory.serverName($0, endpoint: endpoint) }
        let (pushes, pushContinuation) = AsyncStream<RESPValue>.makeStream(bufferingPolicy: .bufferingNewest(1024))
        // Kept from the initializer: a failed TLS handshake can remove the handler before we could look it up.
        let installed = HandlerSlot()
        let failureBox = FailureBox()
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.nanoseconds(options.connectTimeout.nanoseconds))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let sslContext {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: sslContext, serverHostname: serverName))
                    }
                    let handler = RedisChannelHandler(
                        endpoint: endpoint, onPush: { pushContinuation.yield($0) },
                        onFailure: { error in failureBox.error.withLock { $0 = $0 ?? error } })
                    try channel.pipeline.syncOperations.addHandler(handler)
                    installed.slot.withLock { $0 = NIOLoopBound(handler, eventLoop: channel.eventLoop) }
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: endpoint.host, port: endpoint.port).get()
        } catch {
            pushContinuation.finish()
            throw RedisError.from(error, endpoint: endpoint)
        }
        channel.closeFuture.whenComplete { _ in pushContinuation.finish() }
        guard let handler = installed.slot.withLock({ $0 }) else {
            throw RedisError(.closed, "connection closed while being set up", endpoint: endpoint)
        }
        let connection = RedisConnection(options: options, channel: channel, handler: handler, pushMessages: pushes, failureBox: failureBox)
        do {
            try await connection.prepareSession()
        } catch {
            await connection.close()
            throw error
        }
        return connection
    }

    /// Sends one command and returns its reply.
    ///
    /// Cancelling the calling task resumes it promptly with `CancellationError`; if the command was
    /// already written its reply is still read and dropped, so the connection stays aligned.
    /// - Throws: ``RedisError``: `.server`/`.authentication`/`.permission` for an error reply,
    ///   `.timeout` after `commandTimeout`, `.closed` when the connection drops.
    nonisolated(nonsending) public func send(_ command: RedisCommand) async throws -> RESPValue {
        let reply = try await sendReply(command)
        if case .error = reply { throw RedisError.server(reply, endpoint: endpoint) }
        return reply
    }

    /// Sends one command and returns its reply, error replies included as `.error`.
    nonisolated(nonsending) public func sendReply(_ command: RedisCommand, timeout: Duration? = nil) async throws -> RESPValue {
        var bytes = channel.allocator.buffer(capacity: 64)
        RESPEncoder.encodeCommand(command.arguments, into: &bytes)
        let timeout = timeout ?? options.commandTimeout
        return try await request(isolation: #isolation) { cancellation, continuation in
            RedisRequest(
                bytes: bytes, count: 1, responder: .single(continuation),
                deadline: .now() + .nanoseconds(timeout.nanoseconds), timeout: timeout, firstCommand: command,
                cancellation: cancellation)
        }
    }

    /// Writes all commands in one flush and returns their replies in order. Error replies stay in
    /// place as `.error` values.
    /// - Throws: ``RedisError`` when the connection fails or the batch times out; then no reply is returned.
    nonisolated(nonsending) public func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        guard let first = commands.first else { return [] }
        var size = 0
        for command in commands {
            for argument in command.arguments { size &+= argument.count &+ 16 }
        }
        var bytes = channel.allocator.buffer(capacity: size + 16)
        for command in commands {
            RESPEncoder.encodeCommand(command.arguments, into: &bytes)
        }
        let timeout = options.commandTimeout
        return try await request(isolation: #isolation) { cancellation, continuation in
            RedisRequest(
                bytes: bytes, count: commands.count, responder: .batch(continuation),
                deadline: .now() + .nanoseconds(timeout.nanoseconds), timeout: timeout,
                firstCommand: first, cancellation: cancellation)
        }
    }

    /// Hands the request `make` builds to the event loop and waits for its replies, staying on the
    /// caller's actor (`isolation`) up to the wait. The resumption goes through the task's executor:
    /// Swift's global pool, unless the task prefers ``taskExecutor`` (then it is the loop itself).
    /// Cancelling the caller answers it with `CancellationError` at once.
    private func request<Reply>(
        isolation: isolated (any Actor)?,
        _ make: (RequestCancellation, UnsafeContinuation<Reply, any Error>) -> RedisRequest
    ) async throws -> Reply {
        try Task.checkCancellation()
        let cancellation = RequestCancellation()
        defer { ReplyHandOff.acquired(cancellation) }
        return try await withTaskCancellationHandler {
            // Capturing `isolation` keeps this closure on the caller's actor; a closure that does
            // not would run on the global executor, a hop out and back per request.
            _ = isolation
            return try await withUnsafeThrowingContinuation { continuation in
                submit(make(cancellation, continuation))
            }
        } onCancel: {
            cancel(cancellation)
        }
    }

    /// Closes the connection; pending commands fail with a `.closed` error.
    public func close() async {
        try? await channel.close()
    }

    /// Calls `body` once when the connection closes, for whatever reason.
    public func whenClosed(_ body: @escaping @Sendable () -> Void) {
        channel.closeFuture.whenComplete { _ in body() }
    }

    private func submit(_ request: RedisRequest) {
        let handler = self.handler
        if channel.eventLoop.inEventLoop {
            handler.value.enqueue(request)
        } else {
            channel.eventLoop.execute { handler.value.enqueue(request) }
        }
    }

    private func cancel(_ cancellation: RequestCancellation) {
        cancellation.cancel()
        let handler = self.handler
        channel.eventLoop.execute { handler.value.cancel(cancellation) }
    }

    func setProtocolVersion(_ version: Int) {
        negotiatedProtocol.store(version, ordering: .relaxed)
    }
}

/// The first error that ended a connection, written on the event loop and read anywhere.
private final class FailureBox: Sendable {
    let error = Mutex<RedisError?>(nil)
}

/// Carries the handler made inside the channel initializer out to ``RedisConnection/connect(_:group:)``.
private final class HandlerSlot: Sendable {
    let slot = Mutex<NIOLoopBound<RedisChannelHandler>?>(nil)
}
