/// Splits a rectangle into rows (`vertical`) or columns (`horizontal`) by constraints.
///
///     let rows = Layout.vertical([.length(1), .fill(1), .length(1)]).split(area)
///
/// How the space is shared:
/// 1. `length`, `percentage` and `ratio` get their size, `min` and `max` their bound, `fill` 0,
///    in order; when the space runs out the later segments shrink first.
/// 2. The spare room goes to the `fill` segments by weight; without any, to the `min`
///    segments evenly; without those, to the last segment that is not a `max`.
public struct Layout: Sendable, Hashable {
    /// Which way the segments are laid out.
    public enum Direction: Sendable, Hashable {
        case vertical, horizontal
    }

    public var direction: Direction
    public var constraints: [Constraint]
    /// Cells taken off the area's edges before splitting.
    public var margin: Margin
    /// Empty cells between neighbouring segments.
    public var spacing: Int

    public init(direction: Direction, constraints: [Constraint], margin: Margin = .none, spacing: Int = 0) {
        self.direction = direction
        self.constraints = constraints
        self.margin = margin
        self.spacing = spacing
    }

    /// Segments stacked top to bottom.
    public static func vertical(_ constraints: [Constraint]) -> Layout {
        Layout(direction: .vertical, constraints: constraints)
    }

    /// Segments side by side, left to right.
    public static func horizontal(_ constraints: [Constraint]) -> Layout {
        Layout(direction: .horizontal, constraints: constraints)
    }

    /// This layout with a margin inside the area.
    public func margin(_ margin: Margin) -> Layout {
        var l = self
        l.margin = margin
        return l
    }
    /// This layout with the same margin on all sides.
    public func margin(_ all: Int) -> Layout { margin(Margin(all)) }
    /// This layout with `spacing` empty cells between segments.
    public func spacing(_ spacing: Int) -> Layout {
        var l = self
        l.spacing = max(0, spacing)
        return l
    }

    /// The segments of `area`, one per constraint, in order.
    public func split(_ area: Rect) -> [Rect] {
        let inner = area.inner(margin)
        let total = direction == .vertical ? inner.height : inner.width
        let gaps = max(0, constraints.count - 1) * spacing
        let sizes = Layout.sizes(for: constraints, in: max(0, total - gaps))
        var rects: [Rect] = []
        rects.reserveCapacity(sizes.count)
        var position = direction == .vertical ? inner.y : inner.x
        let end = position + total
        for size in sizes {
            let start = min(position, end)
            let length = max(0, min(size, end - start))
            switch direction {
            case .vertical: rects.append(Rect(x: inner.x, y: start, width: inner.width, height: length))
            case .horizontal: rects.append(Rect(x: start, y: inner.y, width: length, height: inner.height))
            }
            position = start + length + spacing
        }
        return rects
    }

    /// The size of each segment when `constraints` share `total` cells.
    public static func sizes(for constraints: [Constraint], in total: Int) -> [Int] {
        var sizes = [Int](repeating: 0, count: constraints.count)
        var remaining = max(0, total)
        for (i, constraint) in constraints.enumerated() {
            let wanted: Int
            switch constraint {
            case .length(let n), .min(let n), .max(let n): wanted = n
            case .percentage(let p): wanted = total * Swift.min(100, Swift.max(0, p)) / 100
            case .ratio(let a, let b): wanted = b > 0 ? total * Swift.max(0, a) / b : 0
            case .fill: wanted = 0
            }
            sizes[i] = Swift.min(Swift.max(0, wanted), remaining)
            remaining -= sizes[i]
        }
        guard remaining > 0 else { return sizes }

        let fills = constraints.enumerated().compactMap { i, c -> (Int, Int)? in
            if case .fill(let w) = c { return (i, Swift.max(0, w)) }
            return nil
        }
        if !fills.isEmpty {
            distribute(remaining, among: fills, into: &sizes)
            return sizes
        }
        let mins = constraints.indices.filter { if case .min = constraints[$0] { return true } else { return false } }
        if !mins.isEmpty {
            distribute(remaining, among: mins.map { ($0, 1) }, into: &sizes)
            return sizes
        }
        if let last = constraints.indices.last(where: { if case .max = constraints[$0] { return false } else { return true } }) {
            sizes[last] += remaining
        }
        return sizes
    }

    /// Shares `amount` by weight, handing out the rounding remainder from the first segment on,
    /// so the sizes always add up exactly.
    private static func distribute(_ amount: Int, among weighted: [(index: Int, weight: Int)], into sizes: inout [Int]) {
        let totalWeight = weighted.reduce(0) { $0 + $1.weight }
        let shares: [Int]
        if totalWeight == 0 {
            shares = weighted.map { _ in 1 }
        } else {
            shares = weighted.map(\.weight)
        }
        let weightSum = shares.reduce(0, +)
        var given = 0
        var parts = shares.map { amount * $0 / weightSum }
        given = parts.reduce(0, +)
        var k = 0
        while given < amount {
            if shares[k % parts.count] > 0 {
                parts[k % parts.count] += 1
                given += 1
            }
            k += 1
        }
        for (n, entry) in weighted.enumerated() { sizes[entry.index] += parts[n] }
    }
}
