import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The receive queue of one loopback TCP socket, asked of the kernel by its addresses (netlink
/// `SOCK_DIAG_BY_FAMILY`, an exact lookup: what `ss` shows as Recv-Q). Reading /proc/net/tcp
/// instead walks every socket of the machine (milliseconds a read here), which would slow the
/// very thing being measured.
enum SocketDiagnostics {
    private static let netlinkSockDiag: Int32 = 4
    private static let sockDiagByFamily: UInt16 = 20
    private static let nlmsgError: UInt16 = 2

    /// Bytes received but not yet read by the program on the 127.0.0.1 socket whose local port is
    /// `localPort` and peer port `remotePort`; nil when there is no such socket.
    static func receiveQueue(localPort: Int, remotePort: Int) -> Int? {
        let fd = socket(AF_NETLINK, Int32(SOCK_DGRAM.rawValue), netlinkSockDiag)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        // nlmsghdr (16 bytes) + inet_diag_req_v2 (8 bytes + a 48-byte inet_diag_sockid).
        var request = [UInt8](repeating: 0, count: 72)
        func put32(_ value: UInt32, at offset: Int) { withUnsafeBytes(of: value) { request.replaceSubrange(offset..<offset + 4, with: $0) } }
        func put16(_ value: UInt16, at offset: Int) { withUnsafeBytes(of: value) { request.replaceSubrange(offset..<offset + 2, with: $0) } }
        put32(72, at: 0)  // nlmsg_len
        put16(sockDiagByFamily, at: 4)  // nlmsg_type
        put16(1, at: 6)  // nlmsg_flags: NLM_F_REQUEST (one socket, no dump)
        put32(1, at: 8)  // nlmsg_seq
        request[16] = UInt8(AF_INET)  // sdiag_family
        request[17] = UInt8(IPPROTO_TCP)  // sdiag_protocol
        put32(0xFFFF_FFFF, at: 20)  // idiag_states: any
        put16(UInt16(localPort).bigEndian, at: 24)  // id.idiag_sport
        put16(UInt16(remotePort).bigEndian, at: 26)  // id.idiag_dport
        let loopback = inet_addr("127.0.0.1")
        put32(loopback, at: 28)  // id.idiag_src[0]
        put32(loopback, at: 44)  // id.idiag_dst[0]
        put32(0xFFFF_FFFF, at: 64)  // id.idiag_cookie: INET_DIAG_NOCOOKIE
        put32(0xFFFF_FFFF, at: 68)
        let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        guard sent == request.count else { return nil }
        var reply = [UInt8](repeating: 0, count: 8192)
        let n = reply.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        // nlmsghdr, then inet_diag_msg: family, state, timer, retrans, 48-byte id, expires, rqueue…
        guard n >= 16 + 64 else { return nil }
        let type = reply.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 4, as: UInt16.self) }
        guard type == sockDiagByFamily else { return nil }
        return Int(reply.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 16 + 56, as: UInt32.self) })
    }
}
