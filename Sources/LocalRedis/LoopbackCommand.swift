import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A minimal blocking command over a loopback socket, for setting up local servers (cluster
/// creation) without depending on the RedisClient layer. Understands the replies setup needs:
/// simple strings, errors, integers and bulk strings.
enum LoopbackCommand {
    /// The reply of one command, as text (`+OK` → `OK`, a bulk string → its bytes as UTF-8).
    enum Reply: Equatable {
        case text(String)
        case error(String)
    }

    /// Sends `arguments` to 127.0.0.1:`port` and reads one reply.
    /// - Parameter password: sent first as `AUTH` (its reply must be `OK`).
    /// - Throws: ``LocalRedisError`` when the server cannot be reached or the reply is not understood.
    static func send(port: Int, _ arguments: [String], password: String? = nil) throws -> Reply {
        guard let fd = FreePort.connectLoopback(port, receiveTimeout: 5) else {
            throw LocalRedisError("cannot connect to 127.0.0.1:\(port)")
        }
        defer { close(fd) }
        var request = ""
        for command in (password.map { [["AUTH", $0]] } ?? []) + [arguments] {
            request += "*\(command.count)\r\n"
            for argument in command { request += "$\(argument.utf8.count)\r\n\(argument)\r\n" }
        }
        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBufferPointer { socketWrite(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { throw LocalRedisError("cannot write to 127.0.0.1:\(port)") }
            sent += count
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        var skip = password == nil ? 0 : 1
        while true {
            if let (reply, length) = parse(received) {
                guard skip > 0 else { return reply }
                guard reply == .text("OK") else { throw LocalRedisError("127.0.0.1:\(port): AUTH failed") }
                skip -= 1
                received.removeFirst(length)
                continue
            }
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { throw LocalRedisError("127.0.0.1:\(port) closed the connection before replying to \(arguments.first ?? "")") }
            received += chunk[0..<count]
        }
    }

    /// Sends a command that must succeed; returns its text.
    @discardableResult
    static func expect(port: Int, _ arguments: [String], password: String? = nil) throws -> String {
        switch try send(port: port, arguments, password: password) {
        case .text(let text): return text
        case .error(let message):
            throw LocalRedisError("127.0.0.1:\(port): \(arguments.prefix(2).joined(separator: " ")) failed: \(message)")
        }
    }

    /// A complete reply at the start of `bytes` and its length, or nil while more bytes are needed.
    private static func parse(_ bytes: [UInt8]) -> (Reply, Int)? {
        guard let lineEnd = lineEnd(bytes, from: 0) else { return nil }
        let line = String(decoding: bytes[1..<lineEnd], as: UTF8.self)
        switch bytes.first {
        case UInt8(ascii: "+"), UInt8(ascii: ":"): return (.text(line), lineEnd + 2)
        case UInt8(ascii: "-"): return (.error(line), lineEnd + 2)
        case UInt8(ascii: "$"):
            guard let length = Int(line) else { return (.error("bad bulk length"), bytes.count) }
            if length < 0 { return (.text(""), lineEnd + 2) }
            let start = lineEnd + 2
            guard bytes.count >= start + length + 2 else { return nil }
            return (.text(String(decoding: bytes[start..<(start + length)], as: UTF8.self)), start + length + 2)
        default:
            return (.error("unexpected reply type"), bytes.count)
        }
    }

    private static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 1 < bytes.count {
            if bytes[i] == 13 && bytes[i + 1] == 10 { return i }
            i += 1
        }
        return nil
    }
}

/// `send(2)` under another name: inside ``LoopbackCommand`` the name `send` is the command's.
private func socketWrite(_ fd: Int32, _ pointer: UnsafePointer<UInt8>?, _ count: Int) -> Int {
    send(fd, pointer, count, 0)
}
