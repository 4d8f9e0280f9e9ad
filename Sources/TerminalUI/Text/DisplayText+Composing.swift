// Making display text out of display text: repeating, joining and cutting to a width. The
// result is as safe as its pieces, so none of these sanitises again.

extension DisplayText {
    /// `text` written `count` times (a rule of border glyphs, an indent).
    public init(repeating text: DisplayText, count: Int) {
        self.init(trusted: String(repeating: text.description, count: max(0, count)))
    }

    /// The text cut to `columns`, ending in `ellipsis` when it had to be cut.
    public func truncated(to columns: Int, ellipsis: DisplayText = "…") -> DisplayText {
        DisplayText(trusted: DisplayWidth.truncate(description, to: columns, ellipsis: ellipsis.description))
    }

    /// The longest prefix that fits in `columns`, and the columns it takes.
    func prefix(fitting columns: Int) -> (text: DisplayText, width: Int) {
        let cut = DisplayWidth.prefix(of: description, fitting: columns)
        return (DisplayText(trusted: String(cut.text)), cut.width)
    }
}

extension Sequence where Element == DisplayText {
    /// The texts one after another, `separator` between them.
    public func joined(separator: DisplayText = .empty) -> DisplayText {
        DisplayText(trusted: map(\.description).joined(separator: separator.description))
    }
}
