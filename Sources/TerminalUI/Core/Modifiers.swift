/// Text attributes a cell can carry besides its colours.
public struct Modifiers: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Modifiers(rawValue: 1 << 0)
    public static let dim = Modifiers(rawValue: 1 << 1)
    public static let italic = Modifiers(rawValue: 1 << 2)
    public static let underline = Modifiers(rawValue: 1 << 3)
    public static let reverse = Modifiers(rawValue: 1 << 4)
    public static let blink = Modifiers(rawValue: 1 << 5)
}
