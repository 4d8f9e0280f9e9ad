// Who gets the next key: one answer, from one place.
import TerminalUI

/// Where typed keys go now. Decided in one place (``AppState/inputFocus``) so no handler guesses.
public enum InputFocus: Sendable, Equatable {
    /// An overlay (help, `:` command line, a dialog) takes every key.
    case overlay(Overlay)
    /// The keys pane's `/` filter line.
    case keysFilter
    /// The Doctor mode of the keys pane: its own keys, then global bindings only.
    case doctor
    /// The Pub/Sub pane's `/` filter line.
    case pubsubFilter
    /// The leaderboard's `/` member search line.
    case leaderboardFind
    /// The server pane's `/` clients filter line.
    case serverFilter
    /// The current pane's bindings, then the global ones.
    case bindings
}

extension AppState {
    /// Where the next key goes.
    public var inputFocus: InputFocus {
        if let overlay { return .overlay(overlay) }
        switch pane {
        case .keys where keys.filterInput != nil: return .keysFilter
        case .keys where keys.doctor.isOpen: return .doctor
        case .pubsub where pubsub.filterInput != nil: return .pubsubFilter
        case .leaderboard where leaderboard.findInput != nil: return .leaderboardFind
        case .server where server.clientFilterInput != nil: return .serverFilter
        default: return .bindings
        }
    }
}
