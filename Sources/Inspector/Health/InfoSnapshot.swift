/// The reply of one `INFO` command, parsed into sections of `field: value` pairs.
///
/// Values stay text; typed accessors read the handful of fields cachescope charts. Unknown
/// fields and sections are kept, so the server pane can show anything the server reports.
/// Fields are substrings of the one reply text (no copy per field): this is parsed once a
/// second per node, for as long as the dashboard runs.
public struct InfoSnapshot: Sendable, Equatable {
    /// Every `field:value` line in server order, with the index of its section.
    private var entries: [(section: Int, field: Substring, value: Substring)] = []
    /// Section names (lower-cased, e.g. `"stats"`) in the order the server sent them.
    public private(set) var sectionOrder: [String] = []
    private var index: [Substring: Substring] = [:]

    public init() {}

    /// Parses the text of an `INFO` reply (`# Section` headers, `field:value` lines, CRLF or LF).
    public init(parsing text: String) {
        var current = -1
        entries.reserveCapacity(256)
        index.reserveCapacity(256)
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = rawLine
            if line.last == "\r" { line = line.dropLast() }
            if line.isEmpty { continue }
            if line.first == "#" {
                var name = line.dropFirst()
                while name.first == " " { name = name.dropFirst() }
                while name.last == " " { name = name.dropLast() }
                sectionOrder.append(name.lowercased())
                current = sectionOrder.count - 1
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            if current < 0 {
                sectionOrder.append("default")
                current = 0
            }
            let field = line[..<colon]
            let value = line[line.index(after: colon)...]
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
