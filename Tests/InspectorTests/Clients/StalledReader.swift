import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A client that sends requests and never reads a reply: its output buffer grows on the server,
/// the way a stuck consumer's does. Closed on `close()`.
final class StalledReader: @unchecked Sendable {
    private let fd: Int32

    /// Connects to 127.0.0.1:`port`, names itself `name` and sends `requests` (RESP, inline
    /// commands) without reading anything back.
    init(port: Int, name: String, requests: String) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0, "cannot connect to 127.0.0.1:\(port)")
        let bytes = Array("CLIENT SETNAME \(name)\r\n\(requests)".utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            try #require(count > 0, "cannot write to 127.0.0.1:\(port)")
            sent += count
        }
    }

    func close() {
        _ = Glibc.close(fd)
    }
}
