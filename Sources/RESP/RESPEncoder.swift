import NIOCore

/// Writes RESP onto a `ByteBuffer`: commands (arrays of bulk strings) for the client, and any
/// ``RESPValue`` for the package's fake servers (tests and benchmarks), which is why those are `package`.
public enum RESPEncoder {
    /// Encodes a command as a RESP array of bulk strings.
    ///
    /// - Parameters:
    ///   - arguments: the command name and its arguments, as bytes.
    ///   - buffer: the buffer to append to.
    public static func encodeCommand(_ arguments: [[UInt8]], into buffer: inout ByteBuffer) {
        // One reservation and raw stores: the index writes millions of small commands, and every
        // ByteBuffer.write call pays its own capacity and exclusivity checks.
        var size = headerBound
        for argument in arguments { size &+= headerBound &+ argument.count &+ 2 }
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { raw in
            var at = storeHeader(UInt8(ascii: "*"), arguments.count, raw, 0)
            for argument in arguments {
                at = storeHeader(UInt8(ascii: "$"), argument.count, raw, at)
                argument.withUnsafeBytes { source in
                    if let from = source.baseAddress {
                        (raw.baseAddress! + at).copyMemory(from: from, byteCount: source.count)
                    }
                }
                at &+= argument.count
                raw[at] = 0x0D
                raw[at &+ 1] = 0x0A
                at &+= 2
            }
            return at
        }
    }

    /// Room for a type byte, a 20-digit length and CRLF.
    private static let headerBound = 23

    /// Stores `type`, `count` in decimal and CRLF at `at`; returns the index after them.
    @inline(__always)
    private static func storeHeader(_ type: UInt8, _ count: Int, _ raw: UnsafeMutableRawBufferPointer, _ at: Int) -> Int {
        raw[at] = type
        var end = at &+ 1
        if count < 10 {
            raw[end] = UInt8(truncatingIfNeeded: count) &+ UInt8(ascii: "0")
            end &+= 1
        } else {
            var digits = 0
            var rest = count
            while rest > 0 {
                digits &+= 1
                rest /= 10
            }
            rest = count
            var index = end &+ digits
            end = index
            while rest > 0 {
                index &-= 1
                raw[index] = UInt8(truncatingIfNeeded: rest % 10) &+ UInt8(ascii: "0")
                rest /= 10
            }
        }
        raw[end] = 0x0D
        raw[end &+ 1] = 0x0A
        return end &+ 2
    }

    /// Encodes any value in its RESP3 form (RESP2 forms for arrays, bulk strings and errors).
    ///
    /// `.null` is written as RESP3 `_`; use ``encode(_:into:protocolVersion:)`` with version 2 for `$-1`.
    package static func encode(_ value: RESPValue, into buffer: inout ByteBuffer) {
        encode(value, into: &buffer, protocolVersion: 3)
    }

    /// Encodes a value for a client speaking `protocolVersion` (2 or 3). In RESP2, maps become flat
    /// arrays, sets and pushes arrays, null `$-1`, booleans integers, doubles bulk strings.
    package static func encode(_ value: RESPValue, into buffer: inout ByteBuffer, protocolVersion: Int) {
        let resp3 = protocolVersion >= 3
        switch value {
        case .simpleString(let bytes):
            line(UInt8(ascii: "+"), bytes, into: &buffer)
        case .error(let bytes):
            line(UInt8(ascii: "-"), bytes, into: &buffer)
        case .integer(let number):
            buffer.writeInteger(UInt8(ascii: ":"))
            buffer.writeString(String(number))
            writeCRLF(into: &buffer)
        case .bulkString(var bytes):
            buffer.writeInteger(UInt8(ascii: "$"))
            writeDecimal(bytes.readableBytes, into: &buffer)
            writeCRLF(into: &buffer)
            buffer.writeBuffer(&bytes)
            writeCRLF(into: &buffer)
        case .null:
            buffer.writeString(resp3 ? "_\r\n" : "$-1\r\n")
        case .double(let number):
            let text: String
            if number.isNaN { text = "nan" } else if number.isInfinite { text = number < 0 ? "-inf" : "inf" } else { text = "\(number)" }
            if resp3 {
                buffer.writeString(",\(text)\r\n")
            } else {
                encode(.bulkString(ByteBuffer(string: text)), into: &buffer, protocolVersion: protocolVersion)
            }
        case .boolean(let flag):
            buffer.writeString(resp3 ? (flag ? "#t\r\n" : "#f\r\n") : (flag ? ":1\r\n" : ":0\r\n"))
        case .bigNumber(let digits):
            if resp3 {
                line(UInt8(ascii: "("), digits, into: &buffer)
            } else {
                encode(.bulkString(digits), into: &buffer, protocolVersion: protocolVersion)
            }
        case .verbatimString(let format, var text):
            if resp3 {
                let prefix = Array(format.utf8.prefix(3)) + [UInt8(ascii: ":")]
                buffer.writeInteger(UInt8(ascii: "="))
                writeDecimal(prefix.count + text.readableBytes, into: &buffer)
                writeCRLF(into: &buffer)
                buffer.writeBytes(prefix)
                buffer.writeBuffer(&text)
                writeCRLF(into: &buffer)
            } else {
                encode(.bulkString(text), into: &buffer, protocolVersion: protocolVersion)
            }
        case .array(let values):
            aggregate(UInt8(ascii: "*"), values, into: &buffer, protocolVersion: protocolVersion)
        case .set(let values):
            aggregate(resp3 ? UInt8(ascii: "~") : UInt8(ascii: "*"), values, into: &buffer, protocolVersion: protocolVersion)
        case .push(let values):
            aggregate(resp3 ? UInt8(ascii: ">") : UInt8(ascii: "*"), values, into: &buffer, protocolVersion: protocolVersion)
        case .map(let pairs):
            buffer.writeInteger(resp3 ? UInt8(ascii: "%") : UInt8(ascii: "*"))
            writeDecimal(resp3 ? pairs.count : pairs.count * 2, into: &buffer)
            writeCRLF(into: &buffer)
            for pair in pairs {
                encode(pair.key, into: &buffer, protocolVersion: protocolVersion)
                encode(pair.value, into: &buffer, protocolVersion: protocolVersion)
            }
        }
    }

    // MARK: - Pieces

    private static func line(_ type: UInt8, _ bytes: ByteBuffer, into buffer: inout ByteBuffer) {
        var bytes = bytes
        buffer.writeInteger(type)
        buffer.writeBuffer(&bytes)
        writeCRLF(into: &buffer)
    }

    private static func aggregate(_ type: UInt8, _ values: [RESPValue], into buffer: inout ByteBuffer, protocolVersion: Int) {
        buffer.writeInteger(type)
        writeDecimal(values.count, into: &buffer)
        writeCRLF(into: &buffer)
        for value in values {
            encode(value, into: &buffer, protocolVersion: protocolVersion)
        }
    }

    @inline(__always)
    private static func writeCRLF(into buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt16(0x0D0A), endianness: .big)
    }

    /// Writes a non-negative decimal without allocating.
    @inline(__always)
    static func writeDecimal(_ value: Int, into buffer: inout ByteBuffer) {
        if value < 10 {
            buffer.writeInteger(UInt8(truncatingIfNeeded: value) &+ UInt8(ascii: "0"))
            return
        }
        if value < 100 {
            buffer.writeInteger(UInt8(truncatingIfNeeded: value / 10) &+ UInt8(ascii: "0"))
            buffer.writeInteger(UInt8(truncatingIfNeeded: value % 10) &+ UInt8(ascii: "0"))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, enough for any Int
        withUnsafeMutableBytes(of: &digits) { scratch in
            var remaining = value
            var index = scratch.count
            repeat {
                index -= 1
                scratch[index] = UInt8(truncatingIfNeeded: remaining % 10) &+ UInt8(ascii: "0")
                remaining /= 10
            } while remaining > 0
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: scratch[index...]))
        }
    }
}
