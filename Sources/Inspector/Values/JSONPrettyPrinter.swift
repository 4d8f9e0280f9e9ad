/// A small, tolerant JSON pretty-printer for cached values (cache-aside rows are often JSON).
///
/// Works on bytes, keeps string contents exactly as they are (escapes stay escapes, non-ASCII
/// stays as is) and only re-indents. If the input is not one complete valid JSON value it returns
/// nil and the caller shows the raw value; a first page cut mid-document is therefore shown raw
/// unless `allowTruncated` is set, in which case what was read is indented as far as it goes.
public enum JSONPrettyPrinter {
    /// Indents `bytes` with `indent` spaces per level.
    /// - Returns: the indented text, or nil if `bytes` is not valid JSON (or not JSON at all).
    public static func format(_ bytes: some Collection<UInt8>, indent: Int = 2, allowTruncated: Bool = false) -> [UInt8]? {
        var parser = Parser(input: Array(bytes), indent: indent)
        return parser.run(allowTruncated: allowTruncated)
    }

    /// Convenience for text: the indented JSON as a String, or nil if not valid JSON.
    public static func format(_ text: String, indent: Int = 2) -> String? {
        format(Array(text.utf8), indent: indent).map { String(decoding: $0, as: UTF8.self) }
    }

    private struct Parser {
        let input: [UInt8]
        let indent: Int
        var i = 0
        var out: [UInt8] = []
        var depth = 0
        var truncated = false

        init(input: [UInt8], indent: Int) {
            self.input = input
            self.indent = indent
            out.reserveCapacity(input.count + input.count / 4)
        }

        mutating func run(allowTruncated: Bool) -> [UInt8]? {
            skipSpace()
            guard i < input.count else { return nil }
            let ok = value()
            if truncated { return allowTruncated && ok ? out : nil }
            guard ok else { return nil }
            skipSpace()
            return i == input.count ? out : nil
        }

        mutating func skipSpace() {
            while i < input.count, [0x20, 0x09, 0x0A, 0x0D].contains(input[i]) { i += 1 }
        }

        mutating func newline() {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: depth * indent))
        }

        /// Parses one value; false on a syntax error. Running out of input sets `truncated`.
        mutating func value() -> Bool {
            skipSpace()
            guard i < input.count else {
                truncated = true
                return true
            }
            switch input[i] {
            case UInt8(ascii: "{"): return container(close: UInt8(ascii: "}"), isObject: true)
            case UInt8(ascii: "["): return container(close: UInt8(ascii: "]"), isObject: false)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        mutating func container(close: UInt8, isObject: Bool) -> Bool {
            out.append(input[i])
            i += 1
            skipSpace()
            guard i < input.count else {
                truncated = true
                return true
            }
            if input[i] == close {
                out.append(close)
                i += 1
                return true
            }
            depth += 1
            while true {
                newline()
                if isObject {
                    skipSpace()
                    guard i < input.count else {
                        truncated = true
                        return true
                    }
                    guard input[i] == UInt8(ascii: "\""), string() else { return false }
                    if truncated { return true }
                    skipSpace()
                    guard i < input.count else {
                        truncated = true
                        return true
                    }
                    guard input[i] == UInt8(ascii: ":") else { return false }
                    i += 1
                    out.append(contentsOf: [UInt8(ascii: ":"), 0x20])
                }
                guard value() else { return false }
                if truncated { return true }
                skipSpace()
                guard i < input.count else {
                    truncated = true
                    return true
                }
                if input[i] == UInt8(ascii: ",") {
                    out.append(input[i])
                    i += 1
                    continue
                }
                guard input[i] == close else { return false }
                i += 1
                depth -= 1
                newline()
                out.append(close)
                return true
            }
        }

        mutating func string() -> Bool {
            out.append(input[i])
            i += 1
            while i < input.count {
                let b = input[i]
                if b < 0x20 { return false }  // raw control characters are not valid JSON
                out.append(b)
                i += 1
                if b == UInt8(ascii: "\\") {
                    guard i < input.count else {
                        truncated = true
                        return true
                    }
                    out.append(input[i])
                    i += 1
                } else if b == UInt8(ascii: "\"") {
                    return true
                }
            }
            truncated = true
            return true
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            for b in bytes {
                guard i < input.count else {
                    truncated = true
                    return true
                }
                guard input[i] == b else { return false }
                out.append(b)
                i += 1
            }
            return true
        }

        mutating func number() -> Bool {
            let start = i
            while i < input.count, "+-0123456789.eE".utf8.contains(input[i]) { i += 1 }
            guard i > start else { return false }
            let text = String(decoding: input[start..<i], as: UTF8.self)
            guard text.first != "+" else { return false }
            if Double(text) == nil {
                // A number cut by the end of a page is tolerated as truncation, nowhere else.
                guard i == input.count else { return false }
                truncated = true
            }
            out.append(contentsOf: input[start..<i])
            return true
        }
    }
}
