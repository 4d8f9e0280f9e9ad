/// The terminal's size in columns and rows.
public struct TerminalSize: Sendable, Hashable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// `160x48`.
    public var description: String { "\(width)x\(height)" }
}
