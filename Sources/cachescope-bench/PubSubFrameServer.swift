import Foundation
import LocalRedis
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback stand-in for Redis as a Pub/Sub source, for the ingest benchmark: it answers the
/// handshake of whoever connects (HELLO, CLIENT, PING, SUBSCRIBE; anything else gets an error
/// reply) and hands each subscribed client to the benchmark as a ``FrameStream``, which writes
/// prebuilt message frames to it with blocking `write()`s, as fast as the client reads
/// (capacity) or paced at a rate.
///
/// Redis itself cannot publish 1M messages/s on two cores while also being read; this server can,
/// and its socket's queues say exactly how far behind the reader is.
final class PubSubFrameServer: Sendable {
    /// The listening port on 127.0.0.1.
    let port: Int
    let channel: [UInt8]
    let payload: [UInt8]
    private let listener: Int32
    private let state = Mutex<(ready: [FrameStream], clients: [Int32], stopped: Bool, nextID: Int)>(([], [], false, 1))

    init(channel: String, payload: String) throws {
        self.channel = Array(channel.utf8)
        self.payload = Array(payload.utf8)
        let (fd, port) = try LoopbackSocket.listening()
        listener = fd
        self.port = port
        let server = self
        Thread { server.acceptLoop() }.start()
    }

    /// Waits (blocking the calling thread, polling) for the next client to subscribe.
    func nextSubscriber(timeout: Duration = .seconds(10)) throws -> FrameStream {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let stream = state.withLock({ $0.ready.isEmpty ? nil : $0.ready.removeFirst() }) { return stream }
            usleep(2000)
        }
        throw BenchError("frame server: no client subscribed within \(timeout)")
    }

    /// Closes the listener and every client socket.
    func stop() {
        let clients = state.withLock { state -> [Int32] in
            guard !state.stopped else { return [] }
            state.stopped = true
            return state.clients
        }
        // The accept thread releases the listener as it leaves, so its number is not reused
        // under a thread still waiting on it.
        shutdown(listener, Int32(SHUT_RDWR))
        for fd in clients {
            shutdown(fd, Int32(SHUT_RDWR))
            close(fd)
        }
    }

    // MARK: - Handshake

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                return
            }
            let keep = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.clients.append(fd)
                return true
            }
            guard keep else {
                close(fd)
                return
            }
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let server = self
            Thread { server.serve(fd) }.start()
        }
    }

    /// Answers commands until the client subscribes; then the client belongs to a ``FrameStream``.
    private func serve(_ fd: Int32) {
        var input: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        var resp3 = false
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            input += chunk[0..<n]
            while let (command, used) = Self.parseCommand(input) {
                input.removeFirst(used)
                guard let name = command.first.map({ String(decoding: $0, as: UTF8.self).uppercased() }) else { continue }
                var reply: [UInt8] = []
                switch name {
                case "HELLO":
                    let version = command.count > 1 ? String(decoding: command[1], as: UTF8.self) : "2"
                    guard version == "2" || version == "3" else {
                        reply = Array("-NOPROTO unsupported protocol version\r\n".utf8)
                        break
                    }
                    resp3 = version == "3"
                    reply = Self.helloReply(resp3: resp3, id: id)
                case "CLIENT", "SELECT":
                    reply = Array("+OK\r\n".utf8)
                case "PING":
                    reply = Array("+PONG\r\n".utf8)
                case "SUBSCRIBE":
                    for (index, name) in command.dropFirst().enumerated() {
                        reply += Self.frame(resp3: resp3, [Array("subscribe".utf8), name], integer: index + 1)
                    }
                default:
                    reply = Array("-ERR unknown command '\(name)' (cachescope-bench frame server)\r\n".utf8)
                }
                guard Self.writeAll(fd, reply) else { return }
                if name == "SUBSCRIBE" {
                    let stream = FrameStream(fd: fd, serverPort: port, resp3: resp3, channel: channel, payload: payload)
                    state.withLock { $0.ready.append(stream) }
                    return
                }
            }
        }
    }

    /// One command (an array of bulk strings, or an inline line) at the start of `input`.
    static func parseCommand(_ input: [UInt8]) -> (command: [[UInt8]], used: Int)? {
        func line(from start: Int) -> (text: ArraySlice<UInt8>, next: Int)? {
            var i = start
            while i + 1 < input.count {
                if input[i] == 13, input[i + 1] == 10 { return (input[start..<i], i + 2) }
                i += 1
            }
            return nil
        }
        guard let first = input.first else { return nil }
        guard first == UInt8(ascii: "*") else {
            guard let (text, next) = line(from: 0) else { return nil }
            return (text.split(separator: UInt8(ascii: " ")).map(Array.init), next)
        }
        guard let (header, afterHeader) = line(from: 1), let count = Int(String(decoding: header, as: UTF8.self)) else { return nil }
        var p = afterHeader
        var parts: [[UInt8]] = []
        for _ in 0..<max(0, count) {
            guard p < input.count, input[p] == UInt8(ascii: "$"),
                let (lengthText, afterLength) = line(from: p + 1),
                let length = Int(String(decoding: lengthText, as: UTF8.self)),
                afterLength + length + 2 <= input.count
            else { return nil }
            parts.append(Array(input[afterLength..<afterLength + length]))
            p = afterLength + length + 2
        }
        return (parts, p)
    }

    /// What Redis 7 answers to HELLO: a map in RESP3, a flat array in RESP2.
    static func helloReply(resp3: Bool, id: Int) -> [UInt8] {
        let fields: [(String, String?)] = [
            ("server", "redis"), ("version", "7.0.15"), ("proto", nil), ("id", nil),
            ("mode", "standalone"), ("role", "master"), ("modules", nil),
        ]
        var out = Array((resp3 ? "%\(fields.count)\r\n" : "*\(fields.count * 2)\r\n").utf8)
        for (key, value) in fields {
            out += bulk(Array(key.utf8))
            switch key {
            case "proto": out += Array(":\(resp3 ? 3 : 2)\r\n".utf8)
            case "id": out += Array(":\(id)\r\n".utf8)
            case "modules": out += Array("*0\r\n".utf8)
            default: out += bulk(Array((value ?? "").utf8))
            }
        }
        return out
    }

    /// A push (RESP3) or array (RESP2) of bulk strings, optionally ending with an integer.
    static func frame(resp3: Bool, _ parts: [[UInt8]], integer: Int? = nil) -> [UInt8] {
        var out = Array("\(resp3 ? ">" : "*")\(parts.count + (integer == nil ? 0 : 1))\r\n".utf8)
        for part in parts { out += bulk(part) }
        if let integer { out += Array(":\(integer)\r\n".utf8) }
        return out
    }

    static func bulk(_ bytes: [UInt8]) -> [UInt8] {
        Array("$\(bytes.count)\r\n".utf8) + bytes + [13, 10]
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    static func peerPort(_ fd: Int32) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A bench failure with a message for the table's reader.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
