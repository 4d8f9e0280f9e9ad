/// How a value's bytes are best shown: as text, as indented JSON, or as a hex dump.
public enum ValueEncoding: Sendable, Hashable {
    /// Valid UTF-8 (a cut multi-byte character at the end of a page still counts as text).
    case text
    /// Valid JSON (shown indented with `JSONPrettyPrinter`).
    case json
    /// Not UTF-8: show as a hex dump (`ServerBytes.hexDump` in TerminalUI).
    case binary

    /// Classifies a (possibly partial) value. `isComplete` says whether `bytes` is the whole value
    /// (JSON detection needs the whole document).
    public static func classify(_ bytes: [UInt8], isComplete: Bool) -> ValueEncoding {
        guard isUTF8(bytes, allowCutTail: !isComplete) else { return .binary }
        if let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }),
            first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
            JSONPrettyPrinter.format(bytes, allowTruncated: !isComplete) != nil
        {
            return .json
        }
        return .text
    }

    /// Strict UTF-8 validation; with `allowCutTail`, up to 3 trailing bytes of an incomplete
    /// sequence are tolerated (a page boundary can split a character).
    public static func isUTF8(_ bytes: [UInt8], allowCutTail: Bool = false) -> Bool {
        if String(validating: bytes, as: UTF8.self) != nil { return true }
        guard allowCutTail else { return false }
        for cut in 1...3 where bytes.count >= cut {
            let tail = bytes[(bytes.count - cut)...]
            guard let lead = tail.first, lead >= 0xC0 else { continue }
            if String(validating: bytes[..<(bytes.count - cut)], as: UTF8.self) != nil { return true }
        }
        return false
    }
}
