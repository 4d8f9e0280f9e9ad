import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One subscribed client of a ``PubSubFrameServer``: writes it message frames (`message`,
/// channel, payload; a RESP3 push or a RESP2 array, as the client negotiated) from one prebuilt
/// block with blocking sends, and reads the socket's queues to know how far behind the client is.
///
/// "Read by the client" means gone from both of the connection's kernel queues: this end's send
/// queue (`TIOCOUTQ`: not yet sent or not yet acknowledged) and the client end's receive queue
/// (``SocketDiagnostics``: arrived, not yet read by the program).
final class FrameStream: @unchecked Sendable {
    /// What one stream did. Instants are on the continuous clock.
    struct Outcome: Sendable {
        var messages: Int
        var bytes: Int
        /// When the first frame was written.
        var started: ContinuousClock.Instant
        /// When the last frame was handed to the kernel.
        var lastWrite: ContinuousClock.Instant
        /// When the client had read every byte.
        var drained: ContinuousClock.Instant
        /// Paced: when the schedule said the last message was due.
        var scheduleEnd: ContinuousClock.Instant?
        /// Paced: the most bytes due but not yet written (what Redis holds as a client's `omem`).
        var maxUnwritten = 0
        /// Paced: the most bytes due but not yet read by the client (unwritten + both socket queues).
        var maxUnread = 0
        /// Paced: the most bytes in the two socket queues (written, not yet read).
        var maxQueued = 0
        /// Paced: the longest one write waited for room in the socket (seconds): the reader's lag.
        var longestSend = 0.0
        /// Paced: when that write began, seconds into the stream.
        var longestSendAt = 0.0
        /// Paced: the latest the source itself woke up for a tick (seconds): the machine's lag, not the reader's.
        var latestWake = 0.0

        var seconds: Double { (drained - started).seconds }
        var rate: Double { Double(messages) / max(1e-9, seconds) }
        /// Paced: how long after the schedule's end the client had read everything.
        var lag: Double { scheduleEnd.map { max(0, (drained - $0).seconds) } ?? 0 }
    }

    let fd: Int32
    let resp3: Bool
    let serverPort: Int
    let clientPort: Int
    /// Bytes of one message frame (all frames are alike).
    let frameLength: Int
    private let block: [UInt8]

    /// Frames per prebuilt block (about 1 MB).
    static let framesPerBlock = 16_384

    init(fd: Int32, serverPort: Int, resp3: Bool, channel: [UInt8], payload: [UInt8]) {
        self.fd = fd
        self.resp3 = resp3
        self.serverPort = serverPort
        self.clientPort = PubSubFrameServer.peerPort(fd)
        let frame = PubSubFrameServer.frame(resp3: resp3, [Array("message".utf8), channel, payload])
        frameLength = frame.count
        var block: [UInt8] = []
        block.reserveCapacity(frame.count * Self.framesPerBlock)
        for _ in 0..<Self.framesPerBlock { block += frame }
        self.block = block
    }

    /// Ends the connection (the server closes the descriptor when it stops).
    func close() {
        shutdown(fd, Int32(SHUT_RDWR))
    }

    /// Writes `messages` frames as fast as the client takes them; returns when it has read all
    /// (and `done` says the client is finished with them, for a client that can say so).
    func capacity(messages: Int, done: @Sendable () -> Bool = { true }) throws -> Outcome {
        let total = messages * frameLength
        let started = ContinuousClock.now
        var written = 0
        try send(upTo: total, written: &written)
        let lastWrite = ContinuousClock.now
        let drained = try waitUntilRead(done: done)
        return Outcome(messages: messages, bytes: total, started: started, lastWrite: lastWrite, drained: drained)
    }

    /// Writes `rate` messages a second for `seconds`, every millisecond what is due by then;
    /// samples how far behind the client is after each write; returns when it has read all.
    func paced(rate: Int, seconds: Double, done: @Sendable () -> Bool = { true }) throws -> Outcome {
        let messages = Int(Double(rate) * seconds)
        let total = messages * frameLength
        let started = ContinuousClock.now
        let perNanosecond = Double(rate) / 1e9
        func due(_ now: ContinuousClock.Instant) -> Int {
            let elapsed = now - started
            let nanos = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
            return min(total, Int(nanos * perNanosecond) * frameLength)
        }
        var written = 0
        var maxUnwritten = 0
        var maxUnread = 0
        var maxQueued = 0
        var longestSend = Duration.zero
        var longestSendAt = 0.0
        var latestWake = Duration.zero
        var tick = 0
        while written < total {
            let target = due(.now)
            maxUnwritten = max(maxUnwritten, target - written)
            if target > written {
                let before = ContinuousClock.now
                try send(upTo: target, written: &written)
                if ContinuousClock.now - before > longestSend {
                    longestSend = .now - before
                    longestSendAt = (before - started).seconds
                }
            }
            let now = ContinuousClock.now
            let queued = sendQueue() + (peerReceiveQueue() ?? 0)
            let unwritten = due(now) - written
            maxUnwritten = max(maxUnwritten, unwritten)
            maxQueued = max(maxQueued, queued)
            maxUnread = max(maxUnread, unwritten + queued)
            // Sleep to the next millisecond of the schedule.
            tick += 1
            let next = started + .microseconds(tick * 1000)
            let wait = next - ContinuousClock.now
            if wait > .zero {
                usleep(UInt32(max(1, wait.components.attoseconds / 1_000_000_000_000)))
                latestWake = max(latestWake, .now - next)
            } else {
                tick = Int((ContinuousClock.now - started).seconds * 1000)
            }
        }
        let lastWrite = ContinuousClock.now
        let drained = try waitUntilRead(done: done)
        return Outcome(
            messages: messages, bytes: total, started: started, lastWrite: lastWrite, drained: drained,
            scheduleEnd: started + .nanoseconds(Int64(seconds * 1e9)), maxUnwritten: maxUnwritten, maxUnread: maxUnread,
            maxQueued: maxQueued, longestSend: longestSend.seconds, longestSendAt: longestSendAt, latestWake: latestWake.seconds)
    }

    /// Runs a blocking stream on its own thread (never on the concurrency pool: it blocks for seconds).
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    // MARK: - Pieces

    /// Sends the block over and over until `written` reaches `target` bytes.
    private func send(upTo target: Int, written: inout Int) throws {
        while written < target {
            let offset = written % block.count
            let length = min(block.count - offset, target - written)
            let n = block.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, length, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw BenchError("frame server: the client went away after \(written / frameLength) messages (errno \(errno))")
            }
            written += n
        }
    }

    /// Bytes in this end's send queue (unsent or unacknowledged).
    func sendQueue() -> Int {
        var value: Int32 = 0
        // TIOCOUTQ (== SIOCOUTQ for TCP sockets on Linux).
        guard ioctl(fd, UInt(TIOCOUTQ), &value) == 0 else { return 0 }
        return Int(value)
    }

    /// Bytes that reached the client's socket but were not read yet (nil: the socket is gone).
    func peerReceiveQueue() -> Int? {
        SocketDiagnostics.receiveQueue(localPort: clientPort, remotePort: serverPort)
    }

    /// Polls until both queues are empty (the client has read everything) and `done`. Fails after 60 s.
    private func waitUntilRead(done: @Sendable () -> Bool) throws -> ContinuousClock.Instant {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if sendQueue() == 0 {
                guard let peer = peerReceiveQueue() else {
                    throw BenchError("frame server: the client's socket (port \(clientPort)) closed before it read everything")
                }
                if peer == 0, done() { return .now }
            }
            usleep(100)
        }
        throw BenchError("frame server: the client did not read everything within 60 s (send queue \(sendQueue()) bytes, its receive queue \(peerReceiveQueue() ?? -1) bytes)")
    }
}
