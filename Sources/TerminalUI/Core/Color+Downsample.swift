extension Color {
    /// This colour as the nearest one a terminal with `support` can show: truecolor values go
    /// to the nearest of the 256 xterm colours, or of the 16 ANSI colours; with `.none`
    /// everything becomes `.terminalDefault`. Nearest means smallest perceptual ("redmean")
    /// distance in RGB, computed over the whole palette.
    public func downsampled(to support: ColorSupport) -> Color {
        switch (self, support) {
        case (.terminalDefault, _): return .terminalDefault
        case (_, .none): return .terminalDefault
        case (_, .truecolor): return self
        case (.ansi, _): return self
        case (.indexed(let n), .palette256): return .indexed(n)
        case (.indexed(let n), .ansi16):
            if n < 16 { return .ansi(n) }
            return .ansi(Color.nearest(to: Color.xtermRGB(n), in: 0..<16))
        case (.rgb(let r, let g, let b), .palette256):
            // The 16 system colours vary by terminal theme; only the fixed cube and grey ramp are reliable.
            return .indexed(Color.nearest(to: (r, g, b), in: 16..<256))
        case (.rgb(let r, let g, let b), .ansi16):
            return .ansi(Color.nearest(to: (r, g, b), in: 0..<16))
        }
    }

    /// The RGB value xterm uses for palette index `n` (0–255).
    public static func xtermRGB(_ n: UInt8) -> (UInt8, UInt8, UInt8) {
        switch n {
        case 0..<16: return ansiRGB[Int(n)]
        case 16..<232:
            let i = Int(n) - 16
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
        default:
            let v = UInt8(8 + 10 * (Int(n) - 232))
            return (v, v, v)
        }
    }

    /// xterm's default values for the 16 ANSI colours.
    private static let ansiRGB: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The palette index in `range` closest to `rgb`.
    static func nearest(to rgb: (UInt8, UInt8, UInt8), in range: Range<Int>) -> UInt8 {
        var best = range.lowerBound
        var bestDistance = Int.max
        for index in range {
            let d = distance(rgb, xtermRGB(UInt8(index)))
            if d < bestDistance {
                bestDistance = d
                best = index
            }
        }
        return UInt8(best)
    }

    /// The "redmean" approximation of perceived colour difference (squared, scaled by 256).
    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let rMean = (Int(a.0) + Int(b.0)) / 2
        let dr = Int(a.0) - Int(b.0)
        let dg = Int(a.1) - Int(b.1)
        let db = Int(a.2) - Int(b.2)
        // Parenthesised: in Swift `>>` binds tighter than `*`.
        return (((512 + rMean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rMean) * db * db) >> 8)
    }
}
