/// How much room one segment of a `Layout` asks for.
public enum Constraint: Sendable, Hashable {
    /// Exactly this many cells (less only when the space runs out).
    case length(Int)
    /// At least this many cells; grows when no `fill` segment takes the spare room.
    case min(Int)
    /// At most this many cells: gets them when there is room, never more.
    case max(Int)
    /// This percentage of the whole space (0–100).
    case percentage(Int)
    /// `numerator / denominator` of the whole space.
    case ratio(Int, Int)
    /// A share of the room left over after the other segments, by weight (`fill(1)` usually).
    case fill(Int)
}
