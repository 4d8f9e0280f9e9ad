import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Asks the kernel for a free loopback TCP port by binding port 0.
///
/// The port is released before redis-server binds it, so another process can take it in between:
/// ``LocalRedisServer`` retries with a new port when redis-server fails to bind.
enum FreePort {
    static func find() throws -> Int {
        let socket = try LoopbackSocket.bound(reuseAddress: false)
        close(socket.fd)
        return socket.port
    }

    /// `true` when something accepts TCP connections on 127.0.0.1:`port`.
    static func accepts(_ port: Int) -> Bool {
        guard let fd = connectLoopback(port) else { return false }
        close(fd)
        return true
    }

    /// A socket connected to 127.0.0.1:`port` (the caller closes it), or nil.
    /// - Parameter receiveTimeout: seconds a `recv` on it may block.
    static func connectLoopback(_ port: Int, receiveTimeout: Int = 1) -> Int32? {
        #if canImport(Darwin)
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { return nil }
        var timeout = timeval(tv_sec: receiveTimeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }
}
