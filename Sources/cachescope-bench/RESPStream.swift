import Foundation

/// RESP commands encoded into a byte buffer that is written out in chunks to a file descriptor
/// (`redis-cli --pipe`'s standard input): a bounded fill of any size in constant memory.
struct RESPStream {
    /// One argument of a command.
    enum Argument: ExpressibleByStringLiteral {
        case text(String)
        case bytes([UInt8])
        case number(Int)
        /// `count` bytes of filler (a value of that size).
        case filler(Int)

        init(stringLiteral value: String) { self = .text(value) }
    }

    private var buffer: [UInt8] = []
    private let descriptor: Int32
    private let chunkBytes: Int
    /// Commands encoded so far.
    private(set) var commands = 0
    private static let filler = [UInt8](repeating: UInt8(ascii: "v"), count: 4096)

    /// - Parameters:
    ///   - descriptor: where full chunks are written (blocking writes).
    ///   - chunkBytes: the buffer is written out once it holds this many bytes.
    init(descriptor: Int32, chunkBytes: Int = 1 << 20) {
        self.descriptor = descriptor
        self.chunkBytes = chunkBytes
        buffer.reserveCapacity(chunkBytes + 4096)
    }

    /// Encodes one command; writes the buffer out when it is full.
    mutating func command(_ arguments: [Argument]) {
        buffer.append(UInt8(ascii: "*"))
        Self.appendDecimal(arguments.count, to: &buffer)
        buffer += [13, 10]
        for argument in arguments {
            switch argument {
            case .text(let text): bulk(Array(text.utf8))
            case .bytes(let bytes): bulk(bytes)
            case .number(let n):
                var digits: [UInt8] = []
                Self.appendDecimal(n, to: &digits)
                bulk(digits)
            case .filler(let count):
                buffer.append(UInt8(ascii: "$"))
                Self.appendDecimal(count, to: &buffer)
                buffer += [13, 10]
                precondition(count <= Self.filler.count, "filler values are at most 4 KiB")
                buffer += Self.filler[0..<count]
                buffer += [13, 10]
            }
        }
        commands += 1
        if buffer.count >= chunkBytes { flush() }
    }

    /// Writes out what is buffered.
    mutating func flush() {
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    fatalError("writing the fill stream: errno \(errno)")
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func bulk(_ bytes: [UInt8]) {
        buffer.append(UInt8(ascii: "$"))
        Self.appendDecimal(bytes.count, to: &buffer)
        buffer += [13, 10]
        buffer += bytes
        buffer += [13, 10]
    }

    /// Appends the decimal digits of `n` (≥ 0).
    static func appendDecimal(_ n: Int, to bytes: inout [UInt8]) {
        guard n > 0 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = n
        withUnsafeMutableBytes(of: &digits) { out in
            while rest > 0 {
                out[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
        }
        withUnsafeBytes(of: &digits) { out in
            for position in stride(from: count - 1, through: 0, by: -1) { bytes.append(out[position]) }
        }
    }
}
