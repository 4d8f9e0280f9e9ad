import NIOCore
import RESP
import Synchronization

/// Why a subscriber's channel failed, noted by its handler for the reconnect message.
final class FailureNote: Sendable {
    private let reason = Mutex<String?>(nil)
    var text: String? { reason.withLock { $0 } }
    func note(_ text: String) { reason.withLock { if $0 == nil { $0 = text } } }
}

/// Reads a subscribed connection: decodes every frame on the event loop, counts every message,
/// keeps the newest few and hands them to the ``PubSubInbox`` once per socket read.
///
/// Installed in front of the connection's `RedisChannelHandler` once the handshake is done; from
/// then on it takes every byte read (confirmations and messages alike, RESP2 arrays or RESP3
/// pushes), so nothing is matched as a reply. It never stops reading.
final class SubscriberChannelHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private let inbox: PubSubInbox
    private let failure: FailureNote
    private let liveness: SubscriberLiveness?
    private var decoder = RESPDecoder()
    private var received: ByteBuffer?
    /// Counted and kept since the last deposit (moved into a local for each read).
    private var batch: SubscriberReadBatch

    init(inbox: PubSubInbox, failure: FailureNote, liveness: SubscriberLiveness? = nil) {
        self.inbox = inbox
        self.failure = failure
        self.liveness = liveness
        self.batch = SubscriberReadBatch(keep: inbox.capacity)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        liveness?.heard()
        var incoming = unwrapInboundIn(data)
        var buffer: ByteBuffer
        if var leftover = received, leftover.readableBytes > 0 {
            received = nil
            if leftover.readableBytes < 1 << 16 {
                // A fresh buffer: the leftover's storage is likely shared with messages handed on.
                var joined = context.channel.allocator.buffer(capacity: leftover.readableBytes + incoming.readableBytes)
                joined.writeBuffer(&leftover)
                joined.writeBuffer(&incoming)
                buffer = joined
            } else {
                // A large value arriving in pieces: grow in place (copied at most once when shared).
                leftover.writeBuffer(&incoming)
                buffer = leftover
            }
        } else {
            buffer = incoming
        }
        let now = WallClock.nanoseconds()
        let maxBulk = decoder.limits.maxBulkLength
        // The batch lives in a local for the whole read (see SubscriberReadBatch).
        var batch = SubscriberReadBatch(keep: 0)
        swap(&batch, &self.batch)
        defer { swap(&batch, &self.batch) }
        var midValue = decoder.isMidValue
        do {
            parsing: while buffer.readableBytes > 0 {
                if !midValue {
                    let (outcome, kind) = buffer.withUnsafeReadableBytes { raw -> (SubscriberFrameParser.Outcome, SubscriberFrameKind) in
                        let outcome = SubscriberFrameParser.parse(raw, maxBulkLength: maxBulk)
                        guard case .frame(let frame) = outcome, case .bulk(let offset, let length) = frame.e0 else { return (outcome, .unknown) }
                        return (outcome, SubscriberFrameKind.classify(raw, offset: offset, length: length))
                    }
                    switch outcome {
                    case .frame(let frame):
                        handle(frame, kind: kind, in: buffer, now: now, into: &batch)
                        buffer.moveReaderIndex(forwardBy: frame.consumed)
                        continue parsing
                    case .incomplete:
                        break parsing
                    case .other:
                        break
                    }
                }
                // What the fast path leaves to the general decoder, or the rest of a value it began.
                let decoded = try decoder.decode(&buffer)
                midValue = decoder.isMidValue
                guard let value = decoded else { break parsing }
                handle(value, now: now, into: &batch)
            }
        } catch {
            failure.note("protocol error: \(error)")
            inbox.post(.serverError("protocol error: \(error)"))
            context.close(promise: nil)
            return
        }
        received = buffer.readableBytes > 0 ? buffer : nil
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        flush()
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        flush()
        failure.note("connection lost")
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failure.note("\(error)")
        context.close(promise: nil)
    }

    // MARK: - Frames

    private func handle(_ frame: SubscriberFrameParser.Frame, kind: SubscriberFrameKind, in buffer: ByteBuffer, now: Int64, into batch: inout SubscriberReadBatch) {
        let base = buffer.readerIndex
        func slice(_ element: SubscriberFrameParser.Element) -> ByteBuffer? {
            guard case .bulk(let offset, let length) = element else { return nil }
            return buffer.getSlice(at: base + offset, length: length)
        }
        switch kind {
        case .message(let subscription):
            let pattern: ByteBuffer?
            let channel: ByteBuffer?
            let payload: ByteBuffer?
            if subscription == .pattern {
                guard frame.count == 4 else { return }
                pattern = slice(frame.e1)
                channel = slice(frame.e2)
                payload = slice(frame.e3)
            } else {
                guard frame.count == 3 else { return }
                pattern = nil
                channel = slice(frame.e1)
                payload = slice(frame.e2)
            }
            guard let channel, let payload else { return }
            batch.record(PubSubMessage(kind: subscription, channel: channel, pattern: pattern, payload: payload, receivedAt: now))
        case .subscribed(let subscription):
            guard frame.count == 3, case .integer(let count) = frame.e2 else { return }
            let name = slice(frame.e1).map { Array($0.readableBytesView) } ?? []
            inbox.post(.subscribed(subscription, name: name, count: Int(count)))
        case .unsubscribed(let subscription):
            guard frame.count == 3, case .integer(let count) = frame.e2 else { return }
            let name = slice(frame.e1).map { Array($0.readableBytesView) }
            inbox.post(.unsubscribed(subscription, name: name, count: Int(count)))
        case .pong, .unknown:
            break
        }
    }

    /// A frame the fast path left to the general decoder (an error reply, an odd shape).
    private func handle(_ value: RESPValue, now: Int64, into batch: inout SubscriberReadBatch) {
        switch value {
        case .error:
            inbox.post(.serverError(value.errorMessage ?? "error"))
        case .array(let elements), .push(let elements):
            guard let first = elements.first?.bytes else { return }
            switch SubscriberFrameKind.classify(first) {
            case .message(let subscription):
                let parts = elements.dropFirst().map { value -> ByteBuffer? in
                    if case .bulkString(let bytes) = value { return bytes }
                    return nil
                }
                if subscription == .pattern, parts.count == 3, let p = parts[0], let c = parts[1], let m = parts[2] {
                    batch.record(PubSubMessage(kind: subscription, channel: c, pattern: p, payload: m, receivedAt: now))
                } else if subscription != .pattern, parts.count == 2, let c = parts[0], let m = parts[1] {
                    batch.record(PubSubMessage(kind: subscription, channel: c, pattern: nil, payload: m, receivedAt: now))
                }
            case .subscribed(let subscription):
                if elements.count == 3, let count = elements[2].int {
                    inbox.post(.subscribed(subscription, name: elements[1].bytes ?? [], count: Int(count)))
                }
            case .unsubscribed(let subscription):
                if elements.count == 3, let count = elements[2].int {
                    inbox.post(.unsubscribed(subscription, name: elements[1].bytes, count: Int(count)))
                }
            case .pong, .unknown:
                break
            }
        default:
            break
        }
    }

    private func flush() {
        batch.deposit(into: inbox)
    }
}
