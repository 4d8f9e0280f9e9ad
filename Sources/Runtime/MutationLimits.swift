// How fast bulk changes go and how much undo keeps.
import Inspector

/// How fast bulk changes go and how much undo keeps (the config's `bulk_keys_per_second` and
/// `undo_budget_mb`).
public struct MutationLimits: Sendable {
    /// The most keys a bulk change touches per second.
    public var keysPerSecond: Int
    /// The most bytes of `DUMP`s undo keeps.
    public var undoBudgetBytes: Int

    public init(keysPerSecond: Int = 5000, undoBudgetBytes: Int = MutationService.defaultUndoBudget) {
        self.keysPerSecond = keysPerSecond
        self.undoBudgetBytes = undoBudgetBytes
    }
}
