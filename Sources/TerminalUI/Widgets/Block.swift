/// A box around a pane: borders, a title on the left, another on the right, and a focused look.
///
///     let block = Block(title: "Keys", focused: true, theme: theme)
///     block.render(in: area, buffer: &buffer)
///     let inside = block.inner(area)
public struct Block: Widget, Sendable, Hashable {
    /// Which sides get a border.
    public struct Borders: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let top = Borders(rawValue: 1)
        public static let bottom = Borders(rawValue: 2)
        public static let left = Borders(rawValue: 4)
        public static let right = Borders(rawValue: 8)
        public static let all: Borders = [.top, .bottom, .left, .right]
        public static let none: Borders = []
    }

    public var title: DisplayText?
    /// A second title at the top right (e.g. a count or the node name).
    public var titleRight: DisplayText?
    public var borders: Borders
    /// Laid over the whole block area first (background).
    public var style: Style
    public var borderStyle: Style
    public var titleStyle: Style
    /// Used instead of `borderStyle` (with the thick border) when `focused`.
    public var focusedBorderStyle: Style
    public var focused: Bool
    public var symbols: Symbols

    public init(
        title: DisplayText? = nil,
        titleRight: DisplayText? = nil,
        borders: Borders = .all,
        style: Style = .plain,
        borderStyle: Style = .plain,
        titleStyle: Style = Style(modifiers: .bold),
        focusedBorderStyle: Style = Style(modifiers: .bold),
        focused: Bool = false,
        symbols: Symbols = .unicode
    ) {
        self.title = title
        self.titleRight = titleRight
        self.borders = borders
        self.style = style
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.focusedBorderStyle = focusedBorderStyle
        self.focused = focused
        self.symbols = symbols
    }

    /// A block in the theme's border, title and accent (focused) styles.
    public init(title: DisplayText? = nil, titleRight: DisplayText? = nil, focused: Bool = false, theme: Theme, symbols: Symbols = .unicode) {
        self.init(
            title: title, titleRight: titleRight, style: theme.background, borderStyle: theme.border,
            titleStyle: theme.title, focusedBorderStyle: theme.accent, focused: focused, symbols: symbols
        )
    }

    /// The area left inside the borders.
    public func inner(_ area: Rect) -> Rect {
        var r = area
        if borders.contains(.left) {
            r.x += 1
            r.width = max(0, r.width - 1)
        }
        if borders.contains(.right) { r.width = max(0, r.width - 1) }
        if borders.contains(.top) {
            r.y += 1
            r.height = max(0, r.height - 1)
        }
        if borders.contains(.bottom) { r.height = max(0, r.height - 1) }
        return r
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        if style != .plain { buffer.setStyle(area, style) }
        let glyphs = focused ? symbols.thickBorder : symbols.border
        let edge = focused ? focusedBorderStyle : borderStyle
        if borders.contains(.top) || borders.contains(.bottom) {
            for x in area.left..<area.right {
                if borders.contains(.top) { buffer.setSymbol(x, area.top, glyphs.horizontal, style: edge) }
                if borders.contains(.bottom) { buffer.setSymbol(x, area.bottom - 1, glyphs.horizontal, style: edge) }
            }
        }
        if borders.contains(.left) || borders.contains(.right) {
            for y in area.top..<area.bottom {
                if borders.contains(.left) { buffer.setSymbol(area.left, y, glyphs.vertical, style: edge) }
                if borders.contains(.right) { buffer.setSymbol(area.right - 1, y, glyphs.vertical, style: edge) }
            }
        }
        if borders.contains([.top, .left]) { buffer.setSymbol(area.left, area.top, glyphs.topLeft, style: edge) }
        if borders.contains([.top, .right]) { buffer.setSymbol(area.right - 1, area.top, glyphs.topRight, style: edge) }
        if borders.contains([.bottom, .left]) { buffer.setSymbol(area.left, area.bottom - 1, glyphs.bottomLeft, style: edge) }
        if borders.contains([.bottom, .right]) { buffer.setSymbol(area.right - 1, area.bottom - 1, glyphs.bottomRight, style: edge) }
        renderTitles(in: area, buffer: &buffer)
    }

    /// Titles sit in the top border, one cell in from the corners, with a space either side;
    /// the right title wins room over the left one.
    private func renderTitles(in area: Rect, buffer: inout Buffer) {
        let pad = borders.contains(.left) ? 1 : 0
        let y = area.top
        var rightStart = area.right - (borders.contains(.right) ? 1 : 0)
        if let titleRight, !titleRight.isEmpty {
            let text: DisplayText = " \(titleRight) "
            let available = max(0, rightStart - area.left - pad)
            let cut = text.truncated(to: available, ellipsis: symbols.ellipsis)
            rightStart -= cut.width
            buffer.setString(rightStart, y, cut, style: titleStyle)
        }
        if let title, !title.isEmpty {
            let text: DisplayText = " \(title) "
            let available = max(0, rightStart - area.left - pad - 1)
            let cut = text.truncated(to: available, ellipsis: symbols.ellipsis)
            buffer.setString(area.left + pad, y, cut, style: titleStyle)
        }
    }
}
