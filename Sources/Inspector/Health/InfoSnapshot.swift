/// The reply of one `INFO` command, parsed into sections of `field: value` pairs.
///
/// Values stay text; typed accessors read the handful of fields cachescope charts. Unknown
/// fields and sections are kept, so the server pane can show anything the server reports.
/// Fields are substrings of the reply text (no copy per field): this is parsed once a second per
/// node, for as long as the dashboard runs.
public struct InfoSnapshot: Sendable, Equatable {
    /// Every `field:value` line in server order, with the index of its section.
    private var entries: [(section: Int, field: Substring, value: Substring)] = []
    /// Section names (lower-cased, e.g. `"stats"`) in the order the server sent them.
    public private(set) var sectionOrder: [String] = []
    private var index: [Substring: Substring] = [:]

    public init() {}

    /// Parses the text of an `INFO` reply (`# Section` headers, `field:value` lines, CRLF or LF).
    public init(parsing text: String) {
        entries.reserveCapacity(256)
        index.reserveCapacity(256)
        append(parsing: text)
    }

    /// Adds the sections and fields of more `INFO`-shaped text (e.g. `CLUSTER INFO` under a
    /// `# ClusterInfo` header), as if it had followed the text parsed so far.
    public mutating func append(parsing text: String) {
        // Walks the UTF-8 bytes: lines and colons are ASCII, and a Character-by-Character split
        // of a 5 KB reply every second was most of the dashboard's idle CPU.
        var current = sectionOrder.count - 1
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            var lineEnd = lineStart
            var colon: String.Index?
            while lineEnd < bytes.endIndex, bytes[lineEnd] != UInt8(ascii: "\n") {
                if colon == nil, bytes[lineEnd] == UInt8(ascii: ":") { colon = lineEnd }
                bytes.formIndex(after: &lineEnd)
            }
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[bytes.index(before: contentEnd)] == UInt8(ascii: "\r") {
                contentEnd = bytes.index(before: contentEnd)
            }
            defer { lineStart = next }
            guard lineStart < contentEnd else { continue }
            let line = text[lineStart..<contentEnd]
            if bytes[lineStart] == UInt8(ascii: "#") {
                var name = line.dropFirst()
                while name.first == " " { name = name.dropFirst() }
                while name.last == " " { name = name.dropLast() }
                sectionOrder.append(name.lowercased())
                current = sectionOrder.count - 1
                continue
            }
            guard let colon, colon < contentEnd else { continue }
            if current < 0 {
                sectionOrder.append("default")
                current = 0
            }
            let field = text[lineStart..<colon]
            let value = text[bytes.index(after: colon)..<contentEnd]
            entries.append((current, field, value))
            index[field] = value
        }
    }

    /// The raw value of `field`, from whichever section holds it.
    public subscript(field: String) -> String? { index[Substring(field)].map(String.init) }

    /// `field` as an integer (accepts a decimal point, truncating).
    public func int(_ field: String) -> Int64? {
        guard let text = index[Substring(field)] else { return nil }
        if let v = Int64(text) { return v }
        return Double(text).map { Int64($0) }
    }

    /// `field` as a floating-point number.
    public func double(_ field: String) -> Double? { index[Substring(field)].flatMap { Double($0) } }

    /// The fields of one section (e.g. `"keyspace"`), in server order.
    public func fields(in section: String) -> [(String, String)] {
        guard let number = sectionOrder.firstIndex(of: section.lowercased()) else { return [] }
        return entries.filter { $0.section == number }.map { (String($0.field), String($0.value)) }
    }

    public static func == (lhs: InfoSnapshot, rhs: InfoSnapshot) -> Bool {
        lhs.index == rhs.index && lhs.sectionOrder == rhs.sectionOrder
    }
}
