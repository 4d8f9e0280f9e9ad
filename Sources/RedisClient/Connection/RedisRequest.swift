import NIOCore
import RESP
import Synchronization

/// Commands encoded and handed to the channel handler as one write, with the one continuation
/// that receives all their replies.
struct RedisRequest: Sendable {
    /// Who is waiting for the replies. One continuation per request, however many commands it holds.
    enum Responder: Sendable {
        /// `send`: one command, its raw reply (error replies included).
        case single(UnsafeContinuation<RESPValue, any Error>)
        /// `pipeline`: `count` commands, their replies in order.
        case batch(UnsafeContinuation<[RESPValue], any Error>)

        /// Answers the caller with `error`, announcing the hand-off of `token`'s request to
        /// ThreadSanitizer first (see ``ReplyHandOff``).
        func fail(_ error: any Error, handingOff token: RequestCancellation) {
            ReplyHandOff.released(token)
            switch self {
            case .single(let continuation): continuation.resume(throwing: error)
            case .batch(let continuation): continuation.resume(throwing: error)
            }
        }
    }

    /// The encoded commands.
    var bytes: ByteBuffer
    /// How many replies to expect.
    var count: Int
    var responder: Responder
    /// When the caller stops waiting.
    var deadline: NIODeadline
    /// For the timeout message.
    var timeout: Duration
    /// The first command, named in the timeout message (its name is only spelled out then).
    var firstCommand: RedisCommand
    /// Set when the caller's task is cancelled; the handler then answers it with `CancellationError`.
    var cancellation: RequestCancellation
}

/// Shared between a caller's cancellation handler and the event loop. Set first, then the handler
/// is told on the event loop: a request enqueued after the flag is set is never written, one
/// enqueued before is found in the queue and given up on (its reply is still read and dropped).
final class RequestCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    /// `true` once the caller was cancelled.
    var isCancelled: Bool { flag.load(ordering: .acquiring) }

    func cancel() { flag.store(true, ordering: .releasing) }
}

/// A request that was written and is waiting for replies (or was given up on after a timeout, in
/// which case its replies are read and dropped so later replies still match their commands).
struct PendingRequest {
    var remaining: Int
    var responder: RedisRequest.Responder
    var deadline: NIODeadline
    var timeout: Duration
    var firstCommand: RedisCommand
    var abandoned: Bool
    var isBatch: Bool
    var cancellation: RequestCancellation
}
