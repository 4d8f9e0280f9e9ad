import NIOCore
import RESP

/// The one handler at the end of a connection's pipeline: writes encoded requests, decodes replies
/// and hands them to their waiting callers in order.
///
/// Ordering guarantee: replies are matched strictly first-in first-out. When the connection fails
/// (reset, protocol error, TLS error, close) every pending request fails at once with the same
/// error; no reply is ever matched to another command. A request whose timeout passes is answered
/// with a timeout error but stays queued so its late replies are read and dropped; the same for a
/// request whose caller was cancelled. A server that lets ``maxSilentTimeouts`` timeouts pass in a
/// row without sending any reply is given up on: the connection is closed (every pending request
/// fails with `.timeout`) so the managed connection reconnects instead of queueing forever.
///
/// RESP3 push messages (`>`) are never replies: they go to `onPush` (pub/sub, invalidations).
/// A subscriber connection will need one more rule here: in RESP3 the confirmations of
/// `SUBSCRIBE`/`UNSUBSCRIBE` are themselves pushes, so while such a command is pending the
/// matching `subscribe`/`unsubscribe` push must answer it instead of going to `onPush`.
final class RedisChannelHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let endpoint: RedisEndpoint
    private let onPush: @Sendable (RESPValue) -> Void
    /// Told the first error that ended the connection (read by ``RedisConnection/closeReason``).
    private let onFailure: @Sendable (RedisError) -> Void
    // The per-reply state is touched for every reply of every pipeline; the handler lives on one
    // event loop and never lends these out across a call, so the runtime's exclusivity checks
    // (a thread-local access set per touch) are skipped for them.
    @exclusivity(unchecked) private var decoder: RESPDecoder
    @exclusivity(unchecked) private var received: ByteBuffer?
    @exclusivity(unchecked) private var pending = CircularBuffer<PendingRequest>(initialCapacity: 16)
    /// Replies gathered so far for the head request when it is a batch.
    @exclusivity(unchecked) private var headReplies: [RESPValue] = []
    private var context: ChannelHandlerContext?
    private var failure: RedisError?
    private var timer: Scheduled<Void>?
    /// Timer expiries that failed at least one request since the last reply arrived.
    @exclusivity(unchecked) private var silentTimeouts = 0
    /// After this many timeouts in a row with no reply in between, the connection is closed.
    let maxSilentTimeouts: Int

    init(
        endpoint: RedisEndpoint, limits: RESPDecoder.Limits = .default, maxSilentTimeouts: Int = 3,
        onPush: @escaping @Sendable (RESPValue) -> Void, onFailure: @escaping @Sendable (RedisError) -> Void = { _ in }
    ) {
        self.onFailure = onFailure
        self.endpoint = endpoint
        self.maxSilentTimeouts = maxSilentTimeouts
        self.decoder = RESPDecoder(limits: limits)
        self.onPush = onPush
    }

    // MARK: - Requests

    /// Queues and writes a request. Must run on the channel's event loop.
    func enqueue(_ request: RedisRequest) {
        guard let context, failure == nil else {
            request.responder.fail(failure ?? RedisError(.closed, "connection closed", endpoint: endpoint), handingOff: request.cancellation)
            return
        }
        if request.cancellation.isCancelled {
            // Never written: nothing to read back.
            request.responder.fail(CancellationError(), handingOff: request.cancellation)
            return
        }
        let isBatch: Bool
        if case .batch = request.responder { isBatch = true } else { isBatch = false }
        if pending.isEmpty, isBatch { headReplies.reserveCapacity(request.count) }
        pending.append(
            PendingRequest(
                remaining: request.count, responder: request.responder, deadline: request.deadline,
                timeout: request.timeout, firstCommand: request.firstCommand, abandoned: false, isBatch: isBatch,
                cancellation: request.cancellation))
        if timer == nil { scheduleTimer(context, at: request.deadline) }
        context.writeAndFlush(wrapOutboundOut(request.bytes), promise: nil)
    }

    /// Answers a cancelled caller now; its slot stays queued (abandoned) so its replies are
    /// read and dropped. Must run on the channel's event loop.
    func cancel(_ cancellation: RequestCancellation) {
        var index = pending.startIndex
        while index != pending.endIndex {
            if pending[index].cancellation === cancellation {
                guard !pending[index].abandoned else { return }
                pending[index].abandoned = true
                pending[index].responder.fail(CancellationError(), handingOff: cancellation)
                return
            }
            index = pending.index(after: index)
        }
    }

    // MARK: - Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        failAll(RedisError(.closed, "connection closed", endpoint: endpoint))
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(RedisError(.closed, pending.isEmpty ? "connection closed" : "connection closed with replies pending", endpoint: endpoint))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(RedisError.from(error, endpoint: endpoint))
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let incoming = unwrapInboundIn(data)
        if var buffer = received, buffer.readableBytes > 0 {
            received = nil  // keep the storage uniquely referenced while appending
            var more = incoming
            buffer.writeBuffer(&more)
            received = buffer
        } else {
            received = incoming
        }
        do {
            if var buffer = received {
                received = nil
                defer { received = buffer }
                try decoder.decodeAll(&buffer) { value in try deliver(value) }
            }
        } catch {
            failAll(RedisError.from(error, endpoint: endpoint))
            context.close(promise: nil)
            return
        }
        if let buffer = received {
            if buffer.readableBytes == 0 {
                received = nil
            } else if buffer.readerIndex > 1 << 20 {
                received = nil
                var compacted = buffer
                compacted.discardReadBytes()
                received = compacted
            }
        }
    }

    // MARK: - Replies

    private func deliver(_ value: RESPValue) throws(RedisError) {
        silentTimeouts = 0
        if case .push = value {
            onPush(value)
            return
        }
        guard !pending.isEmpty else {
            throw RedisError(.protocol, "the server sent a reply nobody asked for", endpoint: endpoint)
        }
        let head = pending.startIndex
        if !pending[head].isBatch {
            let request = pending.removeFirst()
            if !request.abandoned, case .single(let continuation) = request.responder {
                ReplyHandOff.released(request.cancellation)
                continuation.resume(returning: value)
            }
            prepareHead()
            return
        }
        headReplies.append(value)
        pending[head].remaining -= 1
        guard pending[head].remaining == 0 else { return }
        let request = pending.removeFirst()
        let replies = headReplies
        headReplies = []
        prepareHead()
        if !request.abandoned, case .batch(let continuation) = request.responder {
            ReplyHandOff.released(request.cancellation)
            continuation.resume(returning: replies)
        }
    }

    private func prepareHead() {
        if let next = pending.first, next.isBatch { headReplies.reserveCapacity(next.remaining) }
    }

    private func failAll(_ error: RedisError) {
        if failure == nil {
            failure = error
            onFailure(error)
        }
        timer?.cancel()
        timer = nil
        let requests = pending
        pending.removeAll()
        headReplies = []
        for request in requests where !request.abandoned {
            request.responder.fail(error, handingOff: request.cancellation)
        }
    }

    // MARK: - Timeouts

    /// One timer per connection, set for the earliest deadline still waited on.
    private func scheduleTimer(_ context: ChannelHandlerContext, at deadline: NIODeadline) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            self.timer = nil
            self.expireRequests()
        }
    }

    private func expireRequests() {
        guard let context else { return }
        let now = NIODeadline.now()
        var earliest: NIODeadline?
        var expired = false
        var index = pending.startIndex
        while index != pending.endIndex {
            if !pending[index].abandoned {
                if pending[index].deadline <= now {
                    pending[index].abandoned = true
                    expired = true
                    let request = pending[index]
                    request.responder.fail(
                        RedisError.timeout(after: request.timeout, command: request.firstCommand.name, endpoint: endpoint),
                        handingOff: request.cancellation)
                } else if earliest == nil || pending[index].deadline < earliest! {
                    earliest = pending[index].deadline
                }
            }
            index = pending.index(after: index)
        }
        if expired {
            silentTimeouts += 1
            if silentTimeouts >= maxSilentTimeouts {
                let seconds = pending.first.map { $0.timeout.shortDescription } ?? "?"
                failAll(RedisError(.timeout, "timed out after \(seconds) \(silentTimeouts) times in a row with no reply: connection closed", endpoint: endpoint))
                context.close(promise: nil)
                return
            }
        }
        if let earliest { scheduleTimer(context, at: earliest) }
    }
}
