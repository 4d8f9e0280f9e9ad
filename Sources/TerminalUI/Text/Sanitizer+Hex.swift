extension Sanitizer {
    /// A `hexdump -C` style dump for binary values: offset, hex bytes in two groups of eight,
    /// and an ASCII column where anything outside printable ASCII is a `.`.
    ///
    ///     00000000  68 65 6c 6c 6f 0a 00 ff                           |hello...|
    ///
    /// - Parameters:
    ///   - bytes: the value.
    ///   - bytesPerLine: bytes on each line (16 by default).
    ///   - startOffset: the offset of the first byte (for paged values).
    /// - Returns: one string per line; empty for no bytes.
    static func hex(_ bytes: some Collection<UInt8>, bytesPerLine: Int = 16, startOffset: Int = 0) -> [String] {
        let perLine = max(1, bytesPerLine)
        let all = Array(bytes)
        var lines: [String] = []
        lines.reserveCapacity((all.count + perLine - 1) / perLine)
        var start = 0
        while start < all.count {
            let chunk = all[start..<min(all.count, start + perLine)]
            var line = hexString(UInt64(startOffset + start), digits: 8) + "  "
            for k in 0..<perLine {
                if k > 0, k % 8 == 0 { line += " " }
                if k < chunk.count {
                    line += hexString(UInt64(chunk[chunk.startIndex + k]), digits: 2) + " "
                } else {
                    line += "   "
                }
            }
            line += " |"
            for byte in chunk {
                line.unicodeScalars.append(byte >= 0x20 && byte < 0x7F ? Unicode.Scalar(byte) : ".")
            }
            line += "|"
            lines.append(line)
            start += perLine
        }
        return lines
    }

    private static func hexString(_ value: UInt64, digits: Int) -> String {
        let s = String(value, radix: 16)
        return s.count >= digits ? s : String(repeating: "0", count: digits - s.count) + s
    }
}
