/// The reply of one `INFO` command, parsed into sections of `field: value` pairs.
///
/// Values stay text; typed accessors read the handful of fields cachescope charts. Unknown
/// fields and sections are kept, so the server pane can show anything the server reports.
public struct InfoSnapshot: Sendable, Equatable {
    /// Section name (lower-cased, e.g. `"stats"`) → its fields in the order the server sent them.
    public private(set) var sections: [String: [(String, String)]] = [:]
    /// Section names in the order the server sent them.
    public private(set) var sectionOrder: [String] = []
    private var index: [String: String] = [:]

    public init() {}

    /// Parses the text of an `INFO` reply (`# Section` headers, `field:value` lines, CRLF or LF).
    public init(parsing text: String) {
        var current = "default"
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            if line.isEmpty { continue }
            if line.first == "#" {
                current = line.dropFirst().trimmingLeadingSpaces().lowercased()
                if sections[current] == nil {
                    sections[current] = []
                    sectionOrder.append(current)
                }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let field = String(line[..<colon])
            let value = String(line[line.index(after: colon)...])
            if sections[current] == nil {
                sections[current] = []
                sectionOrder.append(current)
            }
            sections[current]!.append((field, value))
            index[field] = value
        }
    }

    /// The raw value of `field`, from whichever section holds it.
    public subscript(field: String) -> String? { index[field] }

    /// `field` as an integer (accepts a decimal point, truncating).
    public func int(_ field: String) -> Int64? {
        guard let text = index[field] else { return nil }
        if let v = Int64(text) { return v }
        return Double(text).map { Int64($0) }
    }

    /// `field` as a floating-point number.
    public func double(_ field: String) -> Double? { index[field].flatMap(Double.init) }

    /// The fields of one section (e.g. `"keyspace"`), in server order.
    public func fields(in section: String) -> [(String, String)] { sections[section.lowercased()] ?? [] }

    public static func == (lhs: InfoSnapshot, rhs: InfoSnapshot) -> Bool {
        lhs.index == rhs.index && lhs.sectionOrder == rhs.sectionOrder
    }
}

extension Substring {
    fileprivate func trimmingLeadingSpaces() -> Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
