/// The pane titles in a row, numbered for the `1`…`5` keys, the active one highlighted:
/// ` 1 Overview │ 2 Keys │ 3 Leaderboard `.
public struct Tabs: Widget, Sendable, Hashable {
    public var titles: [DisplayText]
    /// Index of the active pane.
    public var selected: Int
    public var style: Style
    public var activeStyle: Style
    public var separatorStyle: Style
    public var symbols: Symbols

    public init(_ titles: [DisplayText], selected: Int, style: Style = .plain, activeStyle: Style = Style(modifiers: [.bold, .reverse]), separatorStyle: Style = .plain, symbols: Symbols = .unicode) {
        self.titles = titles
        self.selected = selected
        self.style = style
        self.activeStyle = activeStyle
        self.separatorStyle = separatorStyle
        self.symbols = symbols
    }

    /// Tabs in the theme's styles: muted titles, the active one in the selection style.
    public init(_ titles: [DisplayText], selected: Int, theme: Theme, symbols: Symbols = .unicode) {
        self.init(titles, selected: selected, style: theme.muted, activeStyle: theme.selection, separatorStyle: theme.border, symbols: symbols)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        var x = area.x
        for (i, title) in titles.enumerated() {
            if i > 0 { x = buffer.setString(x, area.y, symbols.separator, style: separatorStyle) }
            // An empty title leaves the number alone (a narrow tab bar).
            let label: DisplayText = title.isEmpty ? " \(i + 1) " : " \(i + 1) \(title) "
            x = buffer.setString(x, area.y, label, style: i == selected ? activeStyle : style)
            if x >= area.right { break }
        }
    }
}
