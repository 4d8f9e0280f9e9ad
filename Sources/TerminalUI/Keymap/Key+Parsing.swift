extension Key {
    /// Parses a key name as config files write it: a single character (`q`, `G`, `?`), a named
    /// key (`Enter`, `Esc`, `Tab`, `Shift-Tab`, `Space`, `Backspace`, `Del`, `Ins`, `Up`,
    /// `Down`, `Left`, `Right`, `Home`, `End`, `PgUp`, `PgDn`, `F1`…`F12`) or a control chord
    /// (`Ctrl-C`, `C-c`, `^C`). Names are case-insensitive; single characters are not.
    /// - Throws: `KeyParseError` for anything else.
    public init(parsing name: String) throws(KeyParseError) {
        let trimmed = name.trimmingSpaces()
        if trimmed.count == 1, let c = trimmed.first {
            self = .character(c)
            return
        }
        let lower = trimmed.lowercased()
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = trimmed.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isASCII, c.isLetter || "[]\\@_".contains(c) else {
                throw KeyParseError(name: name)
            }
            self = .control(Character(c.lowercased()))
            return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) {
            self = .function(n)
            return
        }
        switch lower {
        case "space", "spc": self = .character(" ")
        case "enter", "return", "ret": self = .enter
        case "esc", "escape": self = .escape
        case "tab": self = .tab
        case "shift-tab", "shift+tab", "backtab", "s-tab": self = .backTab
        case "backspace", "bs", "bksp": self = .backspace
        case "del", "delete": self = .delete
        case "ins", "insert": self = .insert
        case "up", "↑": self = .up
        case "down", "↓": self = .down
        case "left", "←": self = .left
        case "right", "→": self = .right
        case "home": self = .home
        case "end": self = .end
        case "pgup", "pageup", "page-up", "prior": self = .pageUp
        case "pgdn", "pgdown", "pagedown", "page-down", "next": self = .pageDown
        default: throw KeyParseError(name: name)
        }
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        // A lone space is the space key; anything longer is trimmed.
        if self == " " { return self }
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
