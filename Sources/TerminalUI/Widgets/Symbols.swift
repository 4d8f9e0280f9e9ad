/// The glyphs widgets draw with: box drawing, sparkline bars, tree markers and arrows in
/// Unicode, or plain ASCII when the terminal has no UTF-8 locale. Every glyph is one column wide.
public struct Symbols: Sendable, Hashable {
    /// Glyphs for one kind of box border.
    public struct Border: Sendable, Hashable {
        public var topLeft: DisplayText
        public var topRight: DisplayText
        public var bottomLeft: DisplayText
        public var bottomRight: DisplayText
        public var horizontal: DisplayText
        public var vertical: DisplayText

        public init(topLeft: DisplayText, topRight: DisplayText, bottomLeft: DisplayText, bottomRight: DisplayText, horizontal: DisplayText, vertical: DisplayText) {
            self.topLeft = topLeft
            self.topRight = topRight
            self.bottomLeft = bottomLeft
            self.bottomRight = bottomRight
            self.horizontal = horizontal
            self.vertical = vertical
        }
    }

    public var border: Border
    /// The border of a focused (or alarming) block.
    public var thickBorder: Border
    /// Nine bar levels for sparklines, from empty (index 0) to a full cell (index 8).
    public var sparkline: [DisplayText]
    public var treeExpanded: DisplayText
    public var treeCollapsed: DisplayText
    public var treeLeaf: DisplayText
    /// Drawn before the selected row of tables and lists.
    public var highlight: DisplayText
    public var ellipsis: DisplayText
    /// Between hints, tabs and status segments.
    public var separator: DisplayText
    public var arrowUp: DisplayText
    public var arrowDown: DisplayText
    public var arrowLeft: DisplayText
    public var arrowRight: DisplayText
    /// Confirmation marks in dialogs.
    public var check: DisplayText
    public var cross: DisplayText

    /// Box drawing, block elements and triangles.
    public static let unicode = Symbols(
        border: Border(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│"),
        thickBorder: Border(topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛", horizontal: "━", vertical: "┃"),
        sparkline: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        treeExpanded: "▾", treeCollapsed: "▸", treeLeaf: " ",
        highlight: "▶", ellipsis: "…", separator: "│",
        arrowUp: "↑", arrowDown: "↓", arrowLeft: "←", arrowRight: "→",
        check: "✓", cross: "✗"
    )

    /// Seven-bit ASCII only.
    public static let ascii = Symbols(
        border: Border(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|"),
        thickBorder: Border(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "=", vertical: "|"),
        sparkline: [" ", ".", ":", "-", "=", "+", "*", "#", "#"],
        treeExpanded: "-", treeCollapsed: "+", treeLeaf: " ",
        highlight: ">", ellipsis: "~", separator: "|",
        arrowUp: "^", arrowDown: "v", arrowLeft: "<", arrowRight: ">",
        check: "ok", cross: "x"
    )

    /// `unicode` or `ascii`, as the terminal allows.
    public static func forTerminal(unicode: Bool) -> Symbols { unicode ? .unicode : .ascii }
}
