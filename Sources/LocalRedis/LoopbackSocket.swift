import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP socket on 127.0.0.1 at a port the kernel picks (bind to port 0, then `getsockname`): what
/// ``FreePort`` probes with, and what the fake servers of the tests and benchmarks listen on.
package enum LoopbackSocket {
    /// A listening socket; the caller owns (and closes) `fd`.
    /// - Parameter reuseAddress: `SO_REUSEADDR`, so a server restarted on the port is not refused.
    package static func listening(backlog: Int32 = 16, reuseAddress: Bool = true) throws -> (fd: Int32, port: Int) {
        let socket = try bound(reuseAddress: reuseAddress)
        guard listen(socket.fd, backlog) == 0 else {
            let code = errno
            close(socket.fd)
            throw LocalRedisError("listen on 127.0.0.1:\(socket.port) failed: errno \(code)")
        }
        return socket
    }

    /// A socket bound to 127.0.0.1:0, not listening; the caller owns (and closes) `fd`.
    static func bound(reuseAddress: Bool) throws -> (fd: Int32, port: Int) {
        #if canImport(Darwin)
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw LocalRedisError("socket() failed: errno \(errno)") }
        if reuseAddress {
            var yes: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw LocalRedisError("bind(127.0.0.1:0) failed: errno \(code)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            let code = errno
            close(fd)
            throw LocalRedisError("getsockname failed: errno \(code)")
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}
