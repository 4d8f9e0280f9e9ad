/// Refuses table headers that the bundled TOML parser (toml++) does not survive.
///
/// toml++ asserts — aborting the whole process in a debug build, undefined in a release one —
/// on a header whose first character is neither a bare-key character nor a quote: `[!]`, `[.a]`,
/// `[漢]`, `[[=]]`, or a lone `[` at the end of a line. A typo in a config file must be an error message, so such headers are caught
/// here first, before the text reaches the parser.
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
                let name = line.drop { $0 == "[" }.drop { $0 == " " || $0 == "\t" }
                // Nothing after "[" on the line: toml++ would read on into the next line.
                guard let first = name.first, first != "\r", isKeyStart(first) else { return index + 1 }
                continue
            }
            // A value that opens an array may continue on the next lines, where "[" starts a
            // nested array rather than a header.
            arrayDepth = max(0, arrayDepth + bracketBalance(line))
        }
        return nil
    }

    private static func isKeyStart(_ character: Character) -> Bool {
        if character.isASCII, character.isLetter || character.isNumber { return true }
        return "-_\"']".contains(character)
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
