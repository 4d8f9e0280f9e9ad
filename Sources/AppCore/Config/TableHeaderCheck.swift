/// Refuses table headers that the bundled TOML parser (toml++) does not survive.
///
/// toml++ asserts — aborting the whole process in a debug build, undefined in a release one —
/// on malformed headers such as `[!]`, `[.a]`, `[漢]`, `[[=]]`, `[[[a]` or a lone `[` at the end of a
/// line. A typo in a config file must be an error message, so every header is checked against
/// TOML's header grammar first, before the text reaches the parser.
enum TableHeaderCheck {
    /// - Returns: the 1-based line of the first bad header, or nil.
    static func firstBadHeader(in text: String) -> Int? {
        var arrayDepth = 0
        var inMultilineString = false
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            // Multi-line strings: a line inside one is text, not TOML structure.
            let fences = line.ranges(of: "\"\"\"").count + line.ranges(of: "'''").count
            if inMultilineString {
                if fences % 2 == 1 { inMultilineString = false }
                continue
            }
            if fences % 2 == 1 { inMultilineString = true }
            if arrayDepth == 0, line.hasPrefix("[") {
                // A header must follow TOML's grammar exactly; anything else is refused here
                // rather than handed to a parser that may abort on it.
                guard isWellFormedHeader(Array(line.utf8)) else { return index + 1 }
                continue
            }
            // A value that opens an array may continue on the next lines, where "[" starts a
            // nested array rather than a header.
            arrayDepth = max(0, arrayDepth + bracketBalance(line))
        }
        return nil
    }

    /// `[key]` or `[[key]]`, the key dotted parts that are bare (`A-Za-z0-9_-`), "basic" or
    /// 'literal' strings, with blanks around the dots and brackets, then an optional comment.
    static func isWellFormedHeader(_ line: [UInt8]) -> Bool {
        var i = 0
        func skipBlanks() { while i < line.count, line[i] == 0x20 || line[i] == 0x09 { i += 1 } }
        var opening = 0
        while i < line.count, line[i] == UInt8(ascii: "["), opening < 3 {
            opening += 1
            i += 1
        }
        guard opening == 1 || opening == 2 else { return false }
        while true {
            skipBlanks()
            guard i < line.count else { return false }
            switch line[i] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let quote = line[i]
                i += 1
                while i < line.count, line[i] != quote {
                    if line[i] < 0x20 || line[i] == 0x7F { return false }
                    if quote == UInt8(ascii: "\""), line[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
                guard i < line.count else { return false }
                i += 1
            default:
                let start = i
                while i < line.count, isBareKeyByte(line[i]) { i += 1 }
                guard i > start else { return false }
            }
            skipBlanks()
            guard i < line.count, line[i] == UInt8(ascii: ".") else { break }
            i += 1
        }
        for _ in 0..<opening {
            guard i < line.count, line[i] == UInt8(ascii: "]") else { return false }
            i += 1
        }
        skipBlanks()
        if i < line.count, line[i] == UInt8(ascii: "\r") { i += 1 }
        return i == line.count || line[i] == UInt8(ascii: "#")
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2D || byte == 0x5F
    }

    /// `[` minus `]` outside quoted strings and comments.
    private static func bracketBalance(_ line: Substring) -> Int {
        var balance = 0
        var quote: Character?
        var escaped = false
        for character in line {
            if let open = quote {
                if escaped { escaped = false } else if character == "\\", open == "\"" { escaped = true } else if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "#": return balance
            case "[": balance += 1
            case "]": balance -= 1
            default: break
            }
        }
        return balance
    }
}
