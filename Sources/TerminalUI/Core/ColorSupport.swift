/// What colours a terminal can show, from none to 24-bit.
public enum ColorSupport: Int, Sendable, Comparable, CaseIterable {
    /// No colour at all (`NO_COLOR`, `--no-color`, or a monochrome terminal): attributes only.
    case none = 0
    case ansi16 = 16
    case palette256 = 256
    case truecolor = 16_777_216

    public static func < (lhs: ColorSupport, rhs: ColorSupport) -> Bool { lhs.rawValue < rhs.rawValue }
}
