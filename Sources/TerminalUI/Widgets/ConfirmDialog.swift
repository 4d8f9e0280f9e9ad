/// A centred confirmation box: either `y`/`n`, or a word the user must type (for deleting
/// every key that matches a pattern). The dialog only draws; the pane feeds typed text in
/// (an `InputLineState`'s text, say) and asks `matches` before acting.
public struct ConfirmDialog: Widget, Sendable, Hashable {
    /// What the user must do to confirm.
    public enum Kind: Sendable, Hashable {
        /// Press `y` to confirm, `n` or `Esc` to cancel.
        case yesNo
        /// Type `expected` exactly, then `Enter`; `typed` is what has been typed so far. Both
        /// are drawn through the sanitiser.
        case typedWord(expected: String, typed: String)
    }

    public var title: DisplayText
    /// Lines explaining what will happen ("Delete 1 204 keys matching user:*?").
    public var message: [Line]
    public var kind: Kind
    public var style: Style
    /// Border and title; the theme's critical style for dangerous actions.
    public var borderStyle: Style
    public var keyStyle: Style
    public var okStyle: Style
    public var mutedStyle: Style
    public var symbols: Symbols

    public init(
        title: DisplayText, message: [Line], kind: Kind = .yesNo, style: Style = .plain, borderStyle: Style = Style(modifiers: .bold),
        keyStyle: Style = Style(modifiers: .bold), okStyle: Style = .plain, mutedStyle: Style = Style(modifiers: .dim), symbols: Symbols = .unicode
    ) {
        self.title = title
        self.message = message
        self.kind = kind
        self.style = style
        self.borderStyle = borderStyle
        self.keyStyle = keyStyle
        self.okStyle = okStyle
        self.mutedStyle = mutedStyle
        self.symbols = symbols
    }

    /// A dialog in the theme's styles; `dangerous` draws the border in the critical style.
    public init(title: DisplayText, message: [Line], kind: Kind = .yesNo, dangerous: Bool = true, theme: Theme, symbols: Symbols = .unicode) {
        self.init(
            title: title, message: message, kind: kind, style: theme.background.patched(with: theme.text),
            borderStyle: dangerous ? theme.critical : theme.accent, keyStyle: theme.accent, okStyle: theme.ok,
            mutedStyle: theme.muted, symbols: symbols
        )
    }

    /// Whether the typed word equals the expected one (always true for `.yesNo`).
    public var matches: Bool {
        switch kind {
        case .yesNo: return true
        case .typedWord(let expected, let typed): return typed == expected
        }
    }

    /// The lines below the message.
    public func promptLines() -> [Line] {
        switch kind {
        case .yesNo:
            return [Line([Span("y", style: keyStyle), Span(" confirm   "), Span("n", style: keyStyle), Span("/"), Span("Esc", style: keyStyle), Span(" cancel")])]
        case .typedWord(let expected, let typed):
            let status: Line
            if typed == expected {
                status = Line([Span("\(symbols.check) matches: ", style: okStyle), Span("Enter", style: keyStyle), Span(" to confirm", style: okStyle)])
            } else if typed.isEmpty {
                status = Line([Span("Esc", style: keyStyle), Span(" cancel", style: mutedStyle)])
            } else {
                status = Line([Span("\(symbols.cross) does not match", style: mutedStyle)])
            }
            return [
                Line([Span("Type "), Span(DisplayText(sanitizing: expected), style: keyStyle), Span(" to confirm:")]),
                Line([Span("> "), Span(DisplayText(sanitizing: typed), style: keyStyle), Span("_", style: Style(modifiers: .blink))]),
                status,
            ]
        }
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let lines = message + [Line("")] + promptLines()
        let contentWidth = max(lines.map(\.width).max() ?? 0, title.width + 4, 30)
        let box = area.centered(width: min(area.width - 2, contentWidth + 4), height: min(area.height, lines.count + 2))
        guard box.width >= 4, box.height >= 3 else { return }
        buffer.fill(box, with: Cell.blank.styled(style))
        let block = Block(title: title, style: style, borderStyle: borderStyle, titleStyle: borderStyle, symbols: symbols)
        block.render(in: box, buffer: &buffer)
        Paragraph(lines, wrap: true).render(in: block.inner(box).inset(horizontal: 1, vertical: 0), buffer: &buffer)
    }
}
