/// One row of key hints generated from the keymap: `q quit  ? help  / filter`. Hints that do
/// not fit whole are left out rather than cut. Hints are plain strings (the keymap's words,
/// config overrides included), drawn through the sanitiser.
public struct HintBar: Widget, Sendable, Hashable {
    public var hints: [KeyHint]
    public var keyStyle: Style
    public var descriptionStyle: Style
    /// Used for the key of a dangerous binding.
    public var dangerousStyle: Style
    public var style: Style

    public init(_ hints: [KeyHint], keyStyle: Style = Style(modifiers: .bold), descriptionStyle: Style = .plain, dangerousStyle: Style = Style(modifiers: .bold), style: Style = .plain) {
        self.hints = hints
        self.keyStyle = keyStyle
        self.descriptionStyle = descriptionStyle
        self.dangerousStyle = dangerousStyle
        self.style = style
    }

    /// A hint bar in the theme's accent (keys), muted (descriptions) and critical (dangerous) styles.
    public init(_ hints: [KeyHint], theme: Theme) {
        self.init(hints, keyStyle: theme.accent, descriptionStyle: theme.muted, dangerousStyle: theme.critical, style: theme.background)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        if style != .plain { buffer.setStyle(area.row(0), style) }
        var x = area.x + 1
        let y = area.y
        for hint in hints {
            let keys = DisplayText(sanitizing: hint.keys)
            let description = DisplayText(sanitizing: hint.description)
            if x + keys.width + 1 + description.width > area.right { break }
            x = buffer.setString(x, y, keys, style: hint.isDangerous ? dangerousStyle : keyStyle)
            x = buffer.setString(x + 1, y, description, style: descriptionStyle)
            x += 2
        }
    }
}
