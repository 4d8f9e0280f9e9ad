/// The object keys of a JSON text (possibly cut off): every string literal followed by `:`.
/// Only names come out; the caller drops the text at once. Not a validator: a truncated or
/// invalid document still yields the names seen so far.
public enum JSONFieldNames {
    /// Up to `limit` distinct names, in order of appearance. Empty when `bytes` does not start
    /// (after blanks) with `{` or `[`.
    public static func extract(_ bytes: some Collection<UInt8>, limit: Int = 256) -> [[UInt8]] {
        let text = Array(bytes)
        guard let first = text.firstIndex(where: { ![0x20, 0x09, 0x0a, 0x0d].contains($0) }),
            text[first] == UInt8(ascii: "{") || text[first] == UInt8(ascii: "[")
        else { return [] }
        var names: [[UInt8]] = []
        var seen = Set<[UInt8]>()
        var i = first
        while i < text.count, names.count < limit {
            guard text[i] == UInt8(ascii: "\"") else {
                i += 1
                continue
            }
            // A string literal: find its end, honouring backslash escapes.
            var j = i + 1
            var literal: [UInt8] = []
            var closed = false
            while j < text.count {
                let b = text[j]
                if b == UInt8(ascii: "\\") {
                    if j + 1 < text.count { literal.append(text[j + 1]) }
                    j += 2
                    continue
                }
                if b == UInt8(ascii: "\"") {
                    closed = true
                    break
                }
                literal.append(b)
                j += 1
            }
            guard closed else { break }
            var k = j + 1
            while k < text.count, [0x20, 0x09, 0x0a, 0x0d].contains(text[k]) { k += 1 }
            if k < text.count, text[k] == UInt8(ascii: ":"), seen.insert(literal).inserted { names.append(literal) }
            i = j + 1
        }
        return names
    }
}
