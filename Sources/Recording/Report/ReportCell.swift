/// Text for one cell of a report's table, kept as the raw bytes it came from (a key name, a
/// detail, a time) until the output format escapes it, exactly once: HTML-escaped in the page,
/// Markdown-escaped in the summary, control bytes made visible in both.
public struct ReportCell: Sendable, Equatable, ExpressibleByStringLiteral {
    /// The bytes as recorded; not yet escaped for anything.
    public var raw: [UInt8]

    /// A cell of text (a figure, a time, a detail, an address).
    public init(_ text: String) { raw = Array(text.utf8) }

    /// A cell of bytes from Redis (a key name, a prefix), not always UTF-8.
    public init(bytes: [UInt8]) { raw = bytes }

    public init(stringLiteral value: String) { self.init(value) }

    /// The cell with control bytes and invalid UTF-8 written as `\xNN`.
    public var visible: String { ReportText.visible(raw) }

    /// The cell inside HTML.
    public var html: String { ReportText.html(visible) }

    /// The cell inside a Markdown table or paragraph (and so on a terminal).
    public var markdown: String { ReportText.markdown(visible) }
}

extension Optional where Wrapped == [UInt8] {
    /// Bytes as a cell; an empty cell when there are none.
    var cell: ReportCell { map { ReportCell(bytes: $0) } ?? "" }
}
