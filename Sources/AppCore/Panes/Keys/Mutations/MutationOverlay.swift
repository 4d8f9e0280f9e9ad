import Inspector
import TerminalUI

/// The dialogs of the mutation flow, drawn over the keys pane.
public enum MutationOverlay: Sendable, Equatable {
    /// Typing a TTL for one key (`e`) or for every matching key without one (`E`).
    case ttlPrompt(target: TTLTarget, input: InputLineState, error: String?)
    /// `y` to remove the TTL of a hash field (`p` on a field).
    case confirmFieldPersist(key: [UInt8], field: [UInt8])
    /// Waiting for the server (dry run, delete plan).
    case working(DisplayText)
    /// `y` to delete these keys.
    case confirmDelete(DeletePlan)
    /// Type the target's name to run a bulk change.
    case confirmPattern(PatternPlan, purpose: BulkPurpose, typed: InputLineState)
    /// A bulk change running; `Esc` aborts.
    case bulkRunning(purpose: BulkPurpose, progress: BulkProgress?, expected: Int)

    /// Who a TTL prompt is for.
    public enum TTLTarget: Sendable, Equatable {
        case key([UInt8])
        /// One field of a hash (`e` on a field).
        case field(key: [UInt8], field: [UInt8])
        case pattern(String, RedisKeyType?)
    }
}
