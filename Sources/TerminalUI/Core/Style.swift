/// Colours and modifiers to lay over a cell. `nil` colours leave the cell's colour as it is,
/// so styles compose: a row style under a column style under a highlight.
public struct Style: Sendable, Hashable {
    public var foreground: Color?
    public var background: Color?
    public var modifiers: Modifiers

    public init(foreground: Color? = nil, background: Color? = nil, modifiers: Modifiers = []) {
        self.foreground = foreground
        self.background = background
        self.modifiers = modifiers
    }

    /// The style that changes nothing.
    public static let plain = Style()

    /// `other` laid over this style: its colours win where it sets them, modifiers add up.
    public func patched(with other: Style) -> Style {
        Style(
            foreground: other.foreground ?? foreground,
            background: other.background ?? background,
            modifiers: modifiers.union(other.modifiers)
        )
    }

    public func foreground(_ color: Color) -> Style {
        var s = self
        s.foreground = color
        return s
    }
    public func background(_ color: Color) -> Style {
        var s = self
        s.background = color
        return s
    }
    public func adding(_ modifiers: Modifiers) -> Style {
        var s = self
        s.modifiers.formUnion(modifiers)
        return s
    }
}
