/// Empty space kept inside an area's edges.
public struct Margin: Sendable, Hashable {
    public var horizontal: Int
    public var vertical: Int

    public init(horizontal: Int = 0, vertical: Int = 0) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// The same margin on all four sides.
    public init(_ all: Int) {
        self.init(horizontal: all, vertical: all)
    }

    public static let none = Margin()
}

extension Rect {
    /// This rectangle with `margin` taken off each side (empty when nothing is left).
    public func inner(_ margin: Margin) -> Rect {
        inset(horizontal: margin.horizontal, vertical: margin.vertical)
    }
}
