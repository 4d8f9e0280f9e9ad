import TerminalUI

/// Decides the `ColorSupport` to report from the preference, the environment and what
/// terminfo says (`has_colors`, `COLORS`).
enum ColorDetection {
    /// - Parameters:
    ///   - preference: the application's wish (`--no-color` → `.noColor`).
    ///   - environment: `NO_COLOR` (any non-empty value) turns colour off; `COLORTERM` of
    ///     `truecolor` or `24bit` reports `.truecolor` on a terminal of 256 colours or more
    ///     (drawn through the 256 palette unless terminfo offers direct colour).
    ///   - hasColors: `has_colors()`.
    ///   - colors: `COLORS` after `start_color()`.
    static func support(
        preference: ColorPreference,
        environment: [String: String],
        hasColors: Bool,
        colors: Int
    ) -> ColorSupport {
        if preference == .noColor { return .none }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        guard hasColors, colors >= 8 else { return .none }
        if colors >= 0x100_0000 { return .truecolor }
        let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
        if colors >= 256 {
            return colorTerm == "truecolor" || colorTerm == "24bit" ? .truecolor : .palette256
        }
        return .ansi16
    }

    /// Whether colours should be started at all.
    static func wantsColor(preference: ColorPreference, environment: [String: String]) -> Bool {
        if preference == .noColor { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return true
    }
}
