/// Colour pairs allocated on demand: ncurses draws a cell with a pair number, and pairs are
/// a limited resource (`COLOR_PAIRS`), so each (foreground, background) is defined once and
/// its number remembered.
///
/// When the pairs run out the cache says so (`nil`); the screen writer then resets it and
/// redraws the whole frame, since redefining a pair in place would recolour cells already on
/// screen. A frame that needs more pairs than exist gets the closest pair already defined.
struct ColorPairCache {
    struct Colors: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// Highest usable pair number (pair 0 is the terminal's default colours).
    let capacity: Int32
    private var pairs: [Colors: Int32] = [:]
    private var next: Int32 = 1

    init(colorPairs: Int32) {
        capacity = max(0, colorPairs - 1)
    }

    /// The pair for `colors`, defining it through `define(pair, fg, bg)` the first time;
    /// `nil` when every pair is in use.
    mutating func pair(for colors: Colors, define: (Int32, Int32, Int32) -> Void) -> Int32? {
        if colors.foreground == -1, colors.background == -1 { return 0 }
        if let known = pairs[colors] { return known }
        guard next <= capacity else { return nil }
        let number = next
        next += 1
        define(number, colors.foreground, colors.background)
        pairs[colors] = number
        return number
    }

    /// The defined pair whose colours look most like `colors` (pair 0 when none is defined).
    func closest(to colors: Colors, rgb: (Int32) -> RGB?) -> Int32 {
        func distance(_ a: Int32, _ b: Int32) -> Int {
            guard let x = rgb(a), let y = rgb(b) else { return a == b ? 0 : 200_000 }
            return x.distance(to: y)
        }
        var best: Int32 = 0
        var bestDistance = distance(colors.foreground, -1) + distance(colors.background, -1)
        for (candidate, number) in pairs {
            let d = distance(colors.foreground, candidate.foreground) + distance(colors.background, candidate.background)
            if d < bestDistance {
                best = number
                bestDistance = d
            }
        }
        return best
    }

    /// Forgets every pair: numbers are handed out again from 1.
    mutating func reset() {
        pairs.removeAll(keepingCapacity: true)
        next = 1
    }
}
