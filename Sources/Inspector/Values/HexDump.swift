/// The hex view of a binary value: `hexdump -C` style lines.
public enum HexDump {
    /// Lines of `offset  hex bytes  |ascii|`, 16 bytes a line; non-printable bytes show as `.`.
    /// - Parameter startOffset: the offset of `bytes[0]` in the whole value (for later pages).
    public static func lines(_ bytes: some Collection<UInt8>, startOffset: Int = 0) -> [String] {
        let all = Array(bytes)
        var lines: [String] = []
        lines.reserveCapacity(all.count / 16 + 1)
        let digits = Array("0123456789abcdef".utf8)
        var row = 0
        while row < all.count {
            let chunk = all[row..<min(row + 16, all.count)]
            var line: [UInt8] = []
            let offset = startOffset + row
            for shift in stride(from: 28, through: 0, by: -4) { line.append(digits[(offset >> shift) & 0xF]) }
            line.append(contentsOf: [0x20, 0x20])
            for (n, b) in chunk.enumerated() {
                line.append(digits[Int(b >> 4)]); line.append(digits[Int(b & 0xF)]); line.append(0x20)
                if n == 7 { line.append(0x20) }
            }
            let missing = 16 - chunk.count
            line.append(contentsOf: repeatElement(0x20, count: missing * 3 + (chunk.count < 8 ? 1 : 0)))
            line.append(contentsOf: [0x20, UInt8(ascii: "|")])
            for b in chunk { line.append((0x20..<0x7F).contains(b) ? b : UInt8(ascii: ".")) }
            line.append(UInt8(ascii: "|"))
            lines.append(String(decoding: line, as: UTF8.self))
            row += 16
        }
        return lines
    }
}
