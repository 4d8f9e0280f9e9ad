import CNcursesw
import TerminalUI

/// ncurses' `KEY_*` codes, read once from the shim (they are macros in C).
struct KeyCodes: Sendable {
    let resize = cs_key_resize()

    private let table: [Int32: Key]

    init() {
        var table: [Int32: Key] = [
            cs_key_up(): .up, cs_key_down(): .down, cs_key_left(): .left, cs_key_right(): .right,
            cs_key_home(): .home, cs_key_end(): .end, cs_key_a1(): .home, cs_key_c1(): .end,
            cs_key_ppage(): .pageUp, cs_key_npage(): .pageDown, cs_key_a3(): .pageUp, cs_key_c3(): .pageDown,
            cs_key_backspace(): .backspace, cs_key_dc(): .delete, cs_key_ic(): .insert,
            cs_key_enter(): .enter, cs_key_btab(): .backTab,
        ]
        // KEY_F(n) is KEY_F0 + n; shifted F1–F12 arrive as F13–F24.
        for n in 1...24 { table[cs_key_f0() + Int32(n)] = .function(n) }
        self.table = table
    }

    /// The key for an ncurses key code, or nil for one cachescope does not use.
    func key(for code: Int32) -> Key? { table[code] }
}
