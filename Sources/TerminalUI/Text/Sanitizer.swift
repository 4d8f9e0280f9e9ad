/// The escaping behind `DisplayText`: the one way anything that came from Redis (keys, values,
/// channel names, messages, client names, error texts) reaches the screen. Internal to
/// TerminalUI: the app reaches it only through `DisplayText(sanitizing:)`, `ServerBytes` and
/// string interpolation into `DisplayText`.
///
/// Bytes a terminal would act on are shown as visible escapes in redis-cli's style, so a
/// hostile key can neither move the cursor, clear the screen, set the clipboard (OSC 52) or the
/// window title, nor hide or reorder text:
///
/// | input | shown as |
/// |---|---|
/// | `\n` `\r` `\t` BEL BS | `\n` `\r` `\t` `\a` `\b` |
/// | other C0 controls, ESC, DEL | `\x01` … `\x1b` … `\x7f` |
/// | invalid UTF-8 (stray, truncated, overlong, surrogate) | each byte as `\xff` |
/// | backslash | `\\` (so the escapes above are unambiguous) |
/// | C1 controls U+0080–U+009F (encoded as UTF-8) | `\u{9b}` |
/// | zero-width and bidi controls, soft hyphen, tag characters | `\u{202e}` |
///
/// Everything else, `"` included, is kept as is. Plain printable ASCII takes a fast path that
/// copies the bytes once.
enum Sanitizer {
    /// Bytes from Redis as displayable text.
    /// - Parameter bytes: raw bytes, not necessarily UTF-8.
    /// - Returns: a string with no control characters, escape sequences or invisible scalars.
    static func display(_ bytes: some Collection<UInt8>) -> String {
        if let result = bytes.withContiguousStorageIfAvailable({ display(buffer: $0) }) {
            return result
        }
        return Array(bytes).withUnsafeBufferPointer { display(buffer: $0) }
    }

    /// A string from Redis (or derived from it) as displayable text. See `display(_:)` for bytes.
    static func display(_ string: String) -> String {
        var copy = string
        return copy.withUTF8 { buffer in
            isPlain(buffer) ? string : escaped(buffer)
        }
    }

    /// A substring as displayable text.
    static func display(_ string: Substring) -> String {
        display(String(string))
    }

    /// Whether `bytes` would be shown unchanged (only printable ASCII, no backslash).
    static func isPlain(_ bytes: some Collection<UInt8>) -> Bool {
        if let result = bytes.withContiguousStorageIfAvailable({ isPlain($0) }) { return result }
        return bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x5C }
    }

    @inline(__always)
    private static func isPlain(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in buffer where byte < 0x20 || byte >= 0x7F || byte == 0x5C { return false }
        return true
    }

    private static func display(buffer: UnsafeBufferPointer<UInt8>) -> String {
        if isPlain(buffer) { return String(decoding: buffer, as: UTF8.self) }
        return escaped(buffer)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The slow path: walks the bytes, validating UTF-8 by hand so that every invalid byte is
    /// reported on its own (what redis-cli does) instead of becoming U+FFFD.
    private static func escaped(_ input: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(input.count + 16)
        var i = 0
        let n = input.count
        while i < n {
            let b = input[i]
            if b < 0x80 {
                appendASCII(b, to: &out)
                i += 1
                continue
            }
            let length = sequenceLength(input, at: i)
            if length == 0 {
                appendHex(b, to: &out)
                i += 1
                continue
            }
            let scalar = decodeScalar(input, at: i, length: length)
            if needsEscape(scalar) {
                appendScalarEscape(scalar, to: &out)
            } else {
                for k in 0..<length { out.append(input[i + k]) }
            }
            i += length
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    private static func appendASCII(_ b: UInt8, to out: inout [UInt8]) {
        switch b {
        case 0x5C:
            out.append(0x5C)
            out.append(0x5C)
        case 0x0A:
            out.append(0x5C)
            out.append(UInt8(ascii: "n"))
        case 0x0D:
            out.append(0x5C)
            out.append(UInt8(ascii: "r"))
        case 0x09:
            out.append(0x5C)
            out.append(UInt8(ascii: "t"))
        case 0x07:
            out.append(0x5C)
            out.append(UInt8(ascii: "a"))
        case 0x08:
            out.append(0x5C)
            out.append(UInt8(ascii: "b"))
        case 0x20..<0x7F: out.append(b)
        default: appendHex(b, to: &out)
        }
    }

    @inline(__always)
    private static func appendHex(_ b: UInt8, to out: inout [UInt8]) {
        out.append(0x5C)
        out.append(UInt8(ascii: "x"))
        out.append(hexDigits[Int(b >> 4)])
        out.append(hexDigits[Int(b & 0x0F)])
    }

    private static func appendScalarEscape(_ scalar: UInt32, to out: inout [UInt8]) {
        out.append(contentsOf: Array("\\u{".utf8))
        out.append(contentsOf: Array(String(scalar, radix: 16).utf8))
        out.append(UInt8(ascii: "}"))
    }

    /// Length of the well-formed UTF-8 sequence starting at `i` (Unicode table 3-7), or 0.
    private static func sequenceLength(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b0 = s[i]
        let n = s.count
        @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            i + k < n && s[i + k] >= lo && s[i + k] <= hi
        }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0, 0xBF) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0  // no surrogates
        case 0xF0: return cont(1, 0x90, 0xBF) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    @inline(__always)
    private static func decodeScalar(_ s: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> UInt32 {
        switch length {
        case 2: return UInt32(s[i] & 0x1F) << 6 | UInt32(s[i + 1] & 0x3F)
        case 3: return UInt32(s[i] & 0x0F) << 12 | UInt32(s[i + 1] & 0x3F) << 6 | UInt32(s[i + 2] & 0x3F)
        default:
            return UInt32(s[i] & 0x07) << 18 | UInt32(s[i + 1] & 0x3F) << 12
                | UInt32(s[i + 2] & 0x3F) << 6 | UInt32(s[i + 3] & 0x3F)
        }
    }

    /// Scalars that are valid UTF-8 but would act on the terminal or hide/reorder text.
    static func needsEscape(_ v: UInt32) -> Bool {
        switch v {
        case 0x80...0x9F: return true  // C1 controls (0x9B is a one-byte CSI on some terminals)
        case 0xAD: return true  // soft hyphen: invisible in most terminals
        case 0x061C: return true  // Arabic letter mark (bidi)
        case 0x180E: return true  // Mongolian vowel separator (zero width)
        case 0x200B...0x200F: return true  // zero-width space/joiners, LRM, RLM
        case 0x2028, 0x2029: return true  // line and paragraph separators
        case 0x202A...0x202E: return true  // bidi embeddings and overrides
        case 0x2060...0x2064: return true  // word joiner, invisible operators
        case 0x2066...0x2069: return true  // bidi isolates
        case 0xFEFF: return true  // zero-width no-break space / BOM
        case 0xFFF9...0xFFFB: return true  // interlinear annotation controls
        case 0xE0000...0xE007F: return true  // tag characters ("ASCII smuggling")
        default: return false
        }
    }
}
