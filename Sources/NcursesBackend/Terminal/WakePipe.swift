#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A self-pipe that wakes the terminal thread out of `poll()`.
///
/// Other threads (a new frame, a stop request) write a `0` byte; signal handlers write the
/// signal number, since `write(2)` is async-signal-safe and nothing else is. Both ends are
/// non-blocking: a full pipe already guarantees a wake-up, so a dropped byte loses nothing.
struct WakePipe: Sendable {
    /// The byte written for "there is work under the lock".
    static let workByte: UInt8 = 0

    let readDescriptor: Int32
    let writeDescriptor: Int32

    init() throws(TerminalError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw .systemError("pipe: \(String(cString: strerror(errno)))") }
        for fd in fds {
            let flags = fcntl(fd, F_GETFL)
            _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = fds[0]
        writeDescriptor = fds[1]
    }

    /// Wakes the terminal thread; safe from any thread.
    func wake() {
        var byte = WakePipe.workByte
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Reads every pending byte: the signal numbers among them, in order (work bytes dropped).
    func drain() -> [Int32] {
        var signals: [Int32] = []
        var chunk = [UInt8](repeating: 0, count: 64)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(readDescriptor, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            for byte in chunk[0..<n] where byte != WakePipe.workByte { signals.append(Int32(byte)) }
        }
        return signals
    }

    func close() {
        _ = Glibc.close(readDescriptor)
        _ = Glibc.close(writeDescriptor)
    }
}
