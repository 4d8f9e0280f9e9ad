/// The glyphs widgets draw with: box drawing, sparkline bars, tree markers and arrows in
/// Unicode, or plain ASCII when the terminal has no UTF-8 locale. Every glyph is one column wide.
public struct Symbols: Sendable, Hashable {
    /// Glyphs for one kind of box border.
    public struct Border: Sendable, Hashable {
        public var topLeft: String
        public var topRight: String
        public var bottomLeft: String
        public var bottomRight: String
        public var horizontal: String
        public var vertical: String

        public init(topLeft: String, topRight: String, bottomLeft: String, bottomRight: String, horizontal: String, vertical: String) {
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
    public var sparkline: [String]
    public var treeExpanded: String
    public var treeCollapsed: String
    public var treeLeaf: String
    /// Drawn before the selected row of tables and lists.
    public var highlight: String
    public var ellipsis: String
    /// Between hints, tabs and status segments.
    public var separator: String
    public var arrowUp: String
    public var arrowDown: String
    public var arrowLeft: String
    public var arrowRight: String
    /// Confirmation marks in dialogs.
    public var check: String
    public var cross: String

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
