/// One terminal cell: a grapheme (one or two columns wide) with colours and modifiers.
///
/// The cell after a double-width grapheme holds `Cell.continuation`: the backend skips it,
/// because the wide grapheme before it already covers that column.
public struct Cell: Sendable, Hashable {
    /// The grapheme drawn in this cell; `" "` when blank, `""` for a continuation cell.
    /// Set only from `DisplayText`, so it never holds a raw escape sequence from a server.
    public internal(set) var symbol: String
    public var foreground: Color
    public var background: Color
    public var modifiers: Modifiers

    /// A cell drawing `symbol`, which should be one grapheme of at most two columns.
    public init(
        symbol: DisplayText = " ",
        foreground: Color = .terminalDefault,
        background: Color = .terminalDefault,
        modifiers: Modifiers = []
    ) {
        self.init(grapheme: symbol.description, foreground: foreground, background: background, modifiers: modifiers)
    }

    /// A cell from a grapheme TerminalUI took out of `DisplayText` (the buffer's write paths).
    init(grapheme: String, foreground: Color = .terminalDefault, background: Color = .terminalDefault, modifiers: Modifiers = []) {
        self.symbol = grapheme
        self.foreground = foreground
        self.background = background
        self.modifiers = modifiers
    }

    /// A blank cell in the terminal's default colours.
    public static let blank = Cell(grapheme: " ")

    /// The placeholder for the second column of a wide grapheme.
    public static let continuation = Cell(grapheme: "")

    /// Whether this cell is the second column of a wide grapheme.
    public var isContinuation: Bool { symbol.isEmpty }

    /// This cell with `style` laid over it.
    public func styled(_ style: Style) -> Cell {
        var cell = self
        if let fg = style.foreground { cell.foreground = fg }
        if let bg = style.background { cell.background = bg }
        cell.modifiers.formUnion(style.modifiers)
        return cell
    }

    /// Cheap fields first: most cells of two frames share their symbol, so compare colours
    /// and modifiers before the string.
    public static func == (lhs: Cell, rhs: Cell) -> Bool {
        lhs.modifiers == rhs.modifiers && lhs.foreground == rhs.foreground && lhs.background == rhs.background
            && lhs.symbol == rhs.symbol
    }

    /// The style this cell is drawn with.
    public var style: Style { Style(foreground: foreground, background: background, modifiers: modifiers) }
}
