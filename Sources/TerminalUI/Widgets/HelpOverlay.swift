/// The `?` overlay: a centred box listing the bindings of the current pane and the global
/// ones, grouped by scope, generated from `Keymap.helpSections(for:)`. It clears what is
/// behind it; `scroll` moves through help longer than the screen. Section titles and hints are
/// plain strings (the keymap's words, config overrides included), drawn through the sanitiser.
public struct HelpOverlay: Widget, Sendable, Hashable {
    public var sections: [HelpSection]
    public var title: DisplayText
    public var scroll: Int
    public var style: Style
    public var borderStyle: Style
    public var sectionStyle: Style
    public var keyStyle: Style
    public var descriptionStyle: Style
    public var dangerousStyle: Style
    public var symbols: Symbols

    public init(
        _ sections: [HelpSection], title: DisplayText = "Help", scroll: Int = 0, style: Style = .plain,
        borderStyle: Style = .plain, sectionStyle: Style = Style(modifiers: .bold), keyStyle: Style = Style(modifiers: .bold),
        descriptionStyle: Style = .plain, dangerousStyle: Style = Style(modifiers: .bold), symbols: Symbols = .unicode
    ) {
        self.sections = sections
        self.title = title
        self.scroll = scroll
        self.style = style
        self.borderStyle = borderStyle
        self.sectionStyle = sectionStyle
        self.keyStyle = keyStyle
        self.descriptionStyle = descriptionStyle
        self.dangerousStyle = dangerousStyle
        self.symbols = symbols
    }

    /// A help overlay in the theme's styles.
    public init(_ sections: [HelpSection], title: DisplayText = "Help", scroll: Int = 0, theme: Theme, symbols: Symbols = .unicode) {
        self.init(
            sections, title: title, scroll: scroll, style: theme.background.patched(with: theme.text), borderStyle: theme.accent,
            sectionStyle: theme.title, keyStyle: theme.accent, descriptionStyle: theme.text, dangerousStyle: theme.critical, symbols: symbols
        )
    }

    /// The lines inside the box.
    public func contentLines() -> [Line] {
        let entries = sections.map { $0.entries.map { (keys: DisplayText(sanitizing: $0.keys), hint: $0) } }
        let keyWidth = entries.joined().map(\.keys.width).max() ?? 0
        var lines: [Line] = []
        for (i, section) in sections.enumerated() {
            if i > 0 { lines.append(Line("")) }
            lines.append(Line([Span(DisplayText(sanitizing: section.title), style: sectionStyle)]))
            for (keys, entry) in entries[i] {
                let pad = DisplayText(repeating: " ", count: keyWidth - keys.width)
                lines.append(
                    Line([
                        Span("  \(keys)\(pad)  ", style: entry.isDangerous ? dangerousStyle : keyStyle),
                        Span(DisplayText(sanitizing: entry.description), style: descriptionStyle),
                    ]))
            }
        }
        return lines
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let lines = contentLines()
        let contentWidth = max(lines.map(\.width).max() ?? 0, title.width + 4)
        let box = area.centered(width: min(area.width - 2, contentWidth + 4), height: min(area.height - 2, lines.count + 2))
        guard box.width >= 4, box.height >= 3 else { return }
        buffer.fill(box, with: Cell.blank.styled(style))
        let block = Block(title: title, titleRight: "Esc close", style: style, borderStyle: borderStyle, titleStyle: sectionStyle, symbols: symbols)
        block.render(in: box, buffer: &buffer)
        let inner = block.inner(box).inset(horizontal: 1, vertical: 0)
        Paragraph(lines, wrap: false, scroll: min(max(0, scroll), max(0, lines.count - inner.height))).render(in: inner, buffer: &buffer)
    }
}
