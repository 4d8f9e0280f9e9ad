// The steps of a client kill, drawn over the server pane.
import Inspector
import TerminalUI

/// A client kill in progress: waiting for the dry run, then the list of who would go with the
/// node's address to type, then waiting for the kill.
public enum ClientKillDialog: Sendable, Equatable {
    /// Waiting for the server (the dry run, or the kill).
    case working(String)
    /// The dry run's clients; typing `plan.confirmationWord` and Enter kills them.
    case confirm(ClientKillPlan, typed: InputLineState)
}
