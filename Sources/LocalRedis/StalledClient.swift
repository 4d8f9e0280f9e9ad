// A client that sends and never reads: how tests and the demo make an output buffer grow.
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A client that sends requests and never reads a reply: its output buffer grows on the server,
/// the way a stuck consumer's does. Closed by `close()`.
public final class StalledClient: Sendable {
    private let fd: Int32

    /// Connects to 127.0.0.1:`port`, names itself `name` and sends `requests` (RESP, inline
    /// commands) without reading anything back.
    /// - Throws: ``LocalRedisError`` when the server cannot be reached.
    public init(port: Int, name: String, requests: String) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            _ = Glibc.close(fd)
            throw LocalRedisError("cannot connect to 127.0.0.1:\(port)")
        }
        let bytes = Array("CLIENT SETNAME \(name)\r\n\(requests)".utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw LocalRedisError("cannot write to 127.0.0.1:\(port)") }
            sent += count
        }
    }

    /// Closes the connection; the server then frees its buffers.
    public func close() {
        _ = Glibc.close(fd)
    }
}
