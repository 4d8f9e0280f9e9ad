import TerminalUI

/// Turns a theme `Color` into the colour number ncurses is given, for what the terminal
/// really has (`COLORS`): direct colour (24-bit numbers), the 256-colour palette, or the 16
/// (or 8) ANSI colours. `-1` is the terminal's default colour (`use_default_colors`).
struct ColorMapping: Sendable {
    /// How the terminal takes colour numbers.
    enum Palette: Sendable, Equatable {
        case ansi8
        case ansi16
        case indexed256
        /// `COLORS` ≥ 2^24: numbers are 0xRRGGBB, except that 0–7 stay the ANSI colours.
        case direct
    }

    let palette: Palette

    init(colors: Int) {
        switch colors {
        case 0x100_0000...: palette = .direct
        case 256...: palette = .indexed256
        case 16...: palette = .ansi16
        default: palette = .ansi8
        }
    }

    /// The ncurses colour number for `color`.
    func number(for color: Color) -> Int32 {
        switch color {
        case .terminalDefault:
            return -1
        case .ansi(let n):
            return fromIndex(Int(n & 15))
        case .indexed(let n):
            return fromIndex(Int(n))
        case .rgb(let r, let g, let b):
            return fromRGB(RGB(r: Int(r), g: Int(g), b: Int(b)))
        }
    }

    private func fromIndex(_ index: Int) -> Int32 {
        switch palette {
        case .indexed256:
            return Int32(index)
        case .direct:
            return index < 8 ? Int32(index) : fromRGB(RGB.xterm(index))
        case .ansi16:
            return index < 16 ? Int32(index) : Int32(RGB.nearestANSI(RGB.xterm(index), count: 16))
        case .ansi8:
            return index < 16 ? Int32(index % 8) : Int32(RGB.nearestANSI(RGB.xterm(index), count: 8))
        }
    }

    private func fromRGB(_ rgb: RGB) -> Int32 {
        switch palette {
        case .direct:
            // 0–7 mean the ANSI colours in direct mode; nudge true blacks/dark blues off them.
            let packed = Int32(rgb.r << 16 | rgb.g << 8 | rgb.b)
            return packed < 8 ? 8 : packed
        case .indexed256:
            return Int32(RGB.nearest256(rgb))
        case .ansi16:
            return Int32(RGB.nearestANSI(rgb, count: 16))
        case .ansi8:
            return Int32(RGB.nearestANSI(rgb, count: 8))
        }
    }

    /// An approximation of what a colour number looks like, for choosing the closest pair.
    func rgb(ofNumber number: Int32) -> RGB? {
        if number < 0 { return nil }
        if palette == .direct, number >= 8 {
            return RGB(r: Int(number >> 16) & 0xFF, g: Int(number >> 8) & 0xFF, b: Int(number) & 0xFF)
        }
        return RGB.xterm(Int(number) & 0xFF)
    }
}

/// A colour as red, green and blue, with the xterm palette's values.
struct RGB: Sendable, Hashable {
    var r: Int
    var g: Int
    var b: Int

    /// Squared distance, weighted the way the eye is most sensitive (green, then red).
    func distance(to other: RGB) -> Int {
        let dr = r - other.r
        let dg = g - other.g
        let db = b - other.b
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db
    }

    private static let ansi: [RGB] = [
        RGB(r: 0, g: 0, b: 0), RGB(r: 205, g: 0, b: 0), RGB(r: 0, g: 205, b: 0), RGB(r: 205, g: 205, b: 0),
        RGB(r: 0, g: 0, b: 238), RGB(r: 205, g: 0, b: 205), RGB(r: 0, g: 205, b: 205), RGB(r: 229, g: 229, b: 229),
        RGB(r: 127, g: 127, b: 127), RGB(r: 255, g: 0, b: 0), RGB(r: 0, g: 255, b: 0), RGB(r: 255, g: 255, b: 0),
        RGB(r: 92, g: 92, b: 255), RGB(r: 255, g: 0, b: 255), RGB(r: 0, g: 255, b: 255), RGB(r: 255, g: 255, b: 255),
    ]
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value of xterm palette entry `index` (0–255).
    static func xterm(_ index: Int) -> RGB {
        switch index {
        case ..<16:
            return ansi[max(0, index)]
        case 16..<232:
            let i = index - 16
            return RGB(r: cubeLevels[i / 36], g: cubeLevels[(i / 6) % 6], b: cubeLevels[i % 6])
        default:
            let level = 8 + 10 * (min(index, 255) - 232)
            return RGB(r: level, g: level, b: level)
        }
    }

    /// The 256-palette entry closest to `rgb`: the best of the colour cube and the grey ramp.
    static func nearest256(_ rgb: RGB) -> Int {
        func level(_ v: Int) -> Int {
            var best = 0
            for (i, l) in cubeLevels.enumerated() where abs(l - v) < abs(cubeLevels[best] - v) { best = i }
            return best
        }
        let cube = 16 + 36 * level(rgb.r) + 6 * level(rgb.g) + level(rgb.b)
        let average = (rgb.r + rgb.g + rgb.b) / 3
        let grey = 232 + min(23, max(0, (average - 3) / 10))
        return xterm(cube).distance(to: rgb) <= xterm(grey).distance(to: rgb) ? cube : grey
    }

    /// The closest of the first `count` (8 or 16) ANSI colours.
    static func nearestANSI(_ rgb: RGB, count: Int) -> Int {
        var best = 0
        for i in 0..<count where ansi[i].distance(to: rgb) < ansi[best].distance(to: rgb) { best = i }
        return best
    }
}
