import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A minimal blocking `PING` over a loopback socket, to know a fresh server answers commands.
enum PingProbe {
    /// `true` when 127.0.0.1:`port` replies to `PING` with `+PONG` or an error such as `-NOAUTH`.
    static func ping(port: Int) -> Bool {
        guard let fd = FreePort.connectLoopback(port) else { return false }
        defer { close(fd) }
        let request = Array("PING\r\n".utf8)
        guard send(fd, request, request.count, 0) == request.count else { return false }
        var reply = [UInt8](repeating: 0, count: 64)
        let count = recv(fd, &reply, reply.count, 0)
        guard count > 0 else { return false }
        return reply[0] == UInt8(ascii: "+") || reply[0] == UInt8(ascii: "-")
    }
}
