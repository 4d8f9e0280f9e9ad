import CNcursesw
import TerminalUI

/// ncurses attribute bits for `Modifiers`, read once from the shim (`A_*` are macros).
struct CellAttributes: Sendable {
    private let bold = cs_attr_bold()
    private let dim = cs_attr_dim()
    private let italic = cs_attr_italic()
    private let underline = cs_attr_underline()
    private let reverse = cs_attr_reverse()
    private let blink = cs_attr_blink()

    /// The attribute bits for `modifiers`.
    func attributes(for modifiers: Modifiers) -> attr_t {
        var attrs = cs_attr_normal()
        if modifiers.isEmpty { return attrs }
        if modifiers.contains(.bold) { attrs |= bold }
        if modifiers.contains(.dim) { attrs |= dim }
        if modifiers.contains(.italic) { attrs |= italic }
        if modifiers.contains(.underline) { attrs |= underline }
        if modifiers.contains(.reverse) { attrs |= reverse }
        if modifiers.contains(.blink) { attrs |= blink }
        return attrs
    }
}
