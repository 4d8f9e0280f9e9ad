import TerminalUI

/// What is drawn over the current pane and takes the keys first.
public enum Overlay: Sendable, Equatable {
    /// The help overlay, scrolled by `scroll` lines.
    case help(scroll: Int)
    /// The `:` command line.
    case command(InputLineState)
    /// A step of a change to the data: a TTL prompt, a confirmation, a bulk change's progress.
    case mutation(MutationOverlay)
    /// A Pub/Sub confirmation (turning on keyspace notifications).
    case pubsub(PubSubDialog)
    /// The server pane's client kill: the dry run and its typed confirmation.
    case clientKill(ClientKillDialog)
    /// A replay's recorded actions, events, prefixes and channels (`e`).
    case replayRecords
}
