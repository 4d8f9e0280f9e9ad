extension Color {
    /// The ANSI colour names a theme file may use, by index (`"bright-blue"` is 12).
    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Parses a colour as theme files write it: `"#rrggbb"`, `"ansi:N"` (0–15), a name such as
    /// `"red"` or `"bright-blue"` (`"gray"`/`"grey"` is bright black), `"idx:N"` (0–255), or
    /// `"default"`. Case does not matter. Returns nil for anything else.
    public init?(parsing text: String) {
        let s = text.trimmingASCIISpaces().lowercased()
        if s == "default" || s == "none" {
            self = .terminalDefault
            return
        }
        if s.hasPrefix("#") {
            let hex = s.dropFirst()
            guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return nil }
            self = .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
            return
        }
        if s.hasPrefix("ansi:") {
            guard let n = UInt8(s.dropFirst(5)), n < 16 else { return nil }
            self = .ansi(n)
            return
        }
        if s.hasPrefix("idx:") {
            guard let n = UInt8(s.dropFirst(4)) else { return nil }
            self = .indexed(n)
            return
        }
        let name = s.replacingUnderscores()
        if name == "gray" || name == "grey" {
            self = .ansi(8)
            return
        }
        if let index = Color.ansiNames.firstIndex(of: name) {
            self = .ansi(UInt8(index))
            return
        }
        return nil
    }

    /// The colour as a theme file would write it.
    public var themeFileValue: String {
        switch self {
        case .terminalDefault: return "default"
        case .ansi(let n): return n < 16 ? Color.ansiNames[Int(n)] : "ansi:\(n)"
        case .indexed(let n): return "idx:\(n)"
        case .rgb(let r, let g, let b):
            return "#" + [r, g, b].map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        }
    }
}

extension String {
    fileprivate func trimmingASCIISpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }

    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" || $0 == " " ? "-" : $0 })
    }
}
