import Foundation
import LocalRedis
import NIOCore
import RESP
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A loopback TCP server that plays a scripted part, for what a real Redis cannot do: malformed
/// RESP, lying lengths, stalls, closing at the wrong moment.
///
/// Plain blocking sockets, one thread per accepted connection; each connection runs `script`.
/// Every command any connection receives is logged in ``commands`` (to prove nothing is re-sent).
final class FakeRedisServer: Sendable {
    /// The loopback port it listens on.
    let port: Int
    private let listener: Int32
    private let stopped = Atomic<Bool>(false)
    private let state = Mutex<(clients: [FakeClient], commands: [[String]], accepted: Int)>(([], [], 0))

    /// Starts listening on a free loopback port; `script` runs once per accepted connection.
    init(script: @escaping @Sendable (FakeClient) -> Void) throws {
        let (fd, port) = try LoopbackSocket.listening()
        listener = fd
        self.port = port
        Thread.detachNewThread { [self] in acceptLoop(script) }
    }

    /// The endpoint text errors are expected to name.
    var endpointText: String { "127.0.0.1:\(port)" }

    /// Every command received so far, in arrival order, across connections.
    var commands: [[String]] { state.withLock { $0.commands } }

    /// How many connections were accepted.
    var acceptedCount: Int { state.withLock { $0.accepted } }

    /// Stops accepting and closes every connection.
    ///
    /// The listening descriptor is shut down here but released by the accept thread as it
    /// leaves: closing it here would free the number while that thread may still be about to
    /// poll it, and the next test's listener, given the same number, would have its connection
    /// accepted by this server's script.
    func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        for client in state.withLock({ $0.clients }) { client.close() }
    }

    deinit { stop() }

    fileprivate func log(_ command: [String]) {
        state.withLock { $0.commands.append(command) }
    }

    private func acceptLoop(_ script: @escaping @Sendable (FakeClient) -> Void) {
        defer { close(listener) }
        while !stopped.load(ordering: .acquiring) {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { continue }
            let client = FakeClient(fd: fd, server: self)
            state.withLock {
                $0.clients.append(client)
                $0.accepted += 1
            }
            Thread.detachNewThread {
                script(client)
            }
        }
    }
}

/// One accepted connection as the script sees it.
final class FakeClient: @unchecked Sendable {
    private let fd: Int32
    private weak var server: FakeRedisServer?
    private let closed = Atomic<Bool>(false)
    // Only touched by the connection's own script thread.
    private var decoder = RESPDecoder()
    private var buffer = ByteBuffer()

    fileprivate init(fd: Int32, server: FakeRedisServer) {
        self.fd = fd
        self.server = server
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE_OR_ZERO, &yes, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Reads the next command; `nil` on end of stream, error, or after `timeout`.
    func readCommand(timeout: Duration = .seconds(10)) -> [String]? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let value = try? decoder.decode(&buffer) {
                let command = (value.array ?? []).map { $0.string ?? "" }
                server?.log(command)
                return command
            }
            let left = deadline - .now
            guard left > .zero, !closed.load(ordering: .acquiring) else { return nil }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let millis = Int32(min(left.components.seconds * 1000 + 1, 200))
            let ready = poll(&poller, 1, millis)
            if ready == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer.writeBytes(chunk[0..<count])
        }
    }

    /// Reads `HELLO …` and answers it like a RESP3 Redis would (enough for our handshake).
    @discardableResult
    func answerHello() -> Bool {
        guard let command = readCommand(), command.first?.uppercased() == "HELLO" else { return false }
        return write("%2\r\n$6\r\nserver\r\n$5\r\nredis\r\n$5\r\nproto\r\n:3\r\n")
    }

    /// Writes text as UTF-8.
    @discardableResult
    func write(_ text: String) -> Bool { write(Array(text.utf8)) }

    /// Writes bytes; `false` once the peer is gone.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL_OR_ZERO)) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Waits until the peer closes (or `timeout`); `true` when it did.
    func waitForPeerClose(timeout: Duration = .seconds(10)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        var chunk = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline, !closed.load(ordering: .acquiring) {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            if recv(fd, &chunk, chunk.count, 0) <= 0 { return true }
        }
        return false
    }

    /// Parks the script until the server stops or `timeout` passes (a stalled server).
    func stall(for timeout: Duration = .seconds(30)) {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline, !closed.load(ordering: .acquiring) {
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Closes the connection (the descriptor itself is released in `deinit`, so a script thread
    /// still holding this client never touches a reused descriptor).
    func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        shutdown(fd, Int32(SHUT_RDWR))
    }

    deinit {
        #if canImport(Glibc)
            Glibc.close(fd)
        #else
            Darwin.close(fd)
        #endif
    }
}

#if canImport(Darwin)
    private let SO_NOSIGPIPE_OR_ZERO = SO_NOSIGPIPE
    private let MSG_NOSIGNAL_OR_ZERO: Int32 = 0
#else
    private let SO_NOSIGPIPE_OR_ZERO: Int32 = SO_KEEPALIVE  // harmless on Linux; MSG_NOSIGNAL does the job
    private let MSG_NOSIGNAL_OR_ZERO = Int32(MSG_NOSIGNAL)
#endif
