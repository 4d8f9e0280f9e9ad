import Synchronization

/// When a subscribed connection last read anything: the keepalive's evidence that the server is
/// still there. A partition without a reset leaves the socket open and silent for as long as TCP
/// keeps retransmitting (minutes); only a PING that goes unanswered tells.
final class SubscriberLiveness: Sendable {
    private let last = Mutex<ContinuousClock.Instant>(.now)

    /// Notes a read (called on the event loop, once per socket read).
    func heard() { last.withLock { $0 = .now } }

    /// The time since the last read.
    var silence: Duration { .now - last.withLock { $0 } }

    /// How long a connection may stay silent before the keepalive PINGs it; the PING then has the
    /// command timeout to bring back any byte.
    static let pingAfter: Duration = .seconds(2)
}
