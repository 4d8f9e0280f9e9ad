import Foundation

/// Mutations shared by the text fuzzers.
public enum TextMutator {
    public static let interesting: [String] = [
        "", " ", "\t", "\n", "\r\n", "\0", "-", "+", "0", "-1", "1e9", "99999999999999999999", "9223372036854775808",
        "%", "%zz", "%00", "@", ":", "::", "[", "]", "/", "//", "?", "#", "\u{202E}", "\u{200B}", "\u{FEFF}",
        "١٢٣", "𝟙", "é", "\"", "'", "\\", "=", "[[", "]]", "{", "}", ",", "\u{1B}[2J", "\u{7F}", "s", "m", "h", "d", "w",
    ]

    /// A copy of `text` with a few random edits: insert, delete, replace, duplicate a slice.
    public static func mutate(_ text: String, using random: inout SeededRandom) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = scalars.isEmpty ? 0 : Int.random(in: 0...scalars.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0:
                scalars.insert(contentsOf: interesting.randomElement(using: &random)!.unicodeScalars, at: position)
            case 1 where !scalars.isEmpty:
                let end = min(scalars.count, position + Int.random(in: 1...4, using: &random))
                if position < end { scalars.removeSubrange(position..<end) }
            case 2 where position < scalars.count:
                scalars[position] = Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &random))
            case 3 where position < scalars.count:
                let end = min(scalars.count, position + Int.random(in: 1...8, using: &random))
                scalars.insert(contentsOf: scalars[position..<end], at: position)
            default:
                if let scalar = Unicode.Scalar(UInt32.random(in: 0...0x2FFFF, using: &random)) {
                    scalars.insert(scalar, at: position)
                }
            }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}
