/// Turning text and bytes from Redis (key names, prefixes, errors, addresses) into text a report
/// can show: control bytes and invalid UTF-8 become visible `\xNN`, then HTML or Markdown escaping.
public enum ReportText {
    /// `bytes` as readable text: printable UTF-8 kept, control bytes, C1 controls and invalid
    /// sequences written as `\xNN`, a backslash doubled so that an escape cannot be forged.
    public static func visible(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if b < 0x20 || b == 0x7F {
                    out += hex(b)
                } else if b == 0x5C {
                    out += "\\\\"
                } else {
                    out.unicodeScalars.append(Unicode.Scalar(b))
                }
                i += 1
                continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            if length > 1, i + length <= bytes.count,
                let text = String(validating: bytes[i..<(i + length)], as: UTF8.self),
                let scalar = text.unicodeScalars.first, !(0x80...0x9F).contains(scalar.value),
                !(0x202A...0x202E).contains(scalar.value), !(0x2066...0x2069).contains(scalar.value)
            {
                out += text
                i += length
            } else {
                out += hex(b)
                i += 1
            }
        }
        return out
    }

    /// A `String` (already decoded) made visible the same way.
    public static func visible(_ text: String) -> String { visible(Array(text.utf8)) }

    /// `text` safe inside HTML element content and attribute values.
    public static func html(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// `text` safe in a Markdown table cell or inside a line: the punctuation that could open a
    /// link, an image, emphasis, a code span, raw HTML, an entity, math or a new table column is
    /// backslash-escaped. (Line-start markers such as `#`, `-` or `1.` cannot occur inside a cell.)
    public static func markdown(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            if "\\`*_[]<>|~!&$".unicodeScalars.contains(c) { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return "\\x" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 0xF)])
    }
}
