import Inspector
import TerminalUI

/// The Pub/Sub pane's state: the message log (fed in batches), what is subscribed where, the
/// selection, pause, filter and key events.
public struct PubSubState: Sendable {
    /// The newest messages and every count.
    public var log: MessageLog
    /// One per node with a subscriber, in the order first used.
    public var targets: [PubSubTarget] = []
    /// When paused: the entries as they were, shown while counting goes on.
    public var frozen: FrozenLog?
    /// The selected entry's number (see ``MessageLog/appendedCount``); nil follows the newest.
    public var selected: Int?
    /// The `/` filter.
    public var filter = MessageFilter("")
    /// The filter being typed.
    public var filterInput: InputLineState?
    /// Key events (`e`): what is known of the server's setting and whether they are subscribed.
    public var keyEvents: KeyEventsStatus = .off
    /// The `notify-keyspace-events` value to put back on quit, when cachescope changed it.
    public var keyspaceRestore: KeyspaceRestore?
    /// What other clients of the node listen to, read on entering the pane while nothing is
    /// subscribed here: offered as channels to tail.
    public var activeChannels: ActiveChannels?

    /// A log keeping the newest `capacity` entries (the config's `message_log_capacity`).
    public init(capacity: Int = 10_000) {
        log = MessageLog(capacity: capacity)
    }

    /// The entries shown, newest first, with their numbers: the frozen ones while paused; the
    /// filter applied.
    public func visibleEntries() -> [(number: Int, entry: MessageLogEntry)] {
        let entries: [MessageLogEntry]
        let first: Int
        if let frozen {
            entries = frozen.entries
            first = frozen.firstNumber
        } else {
            entries = Array(log.entries)
            first = log.firstNumber
        }
        var result: [(number: Int, entry: MessageLogEntry)] = []
        result.reserveCapacity(entries.count)
        for index in entries.indices.reversed() where filter.matches(entries[index]) {
            result.append((first + index, entries[index]))
        }
        return result
    }

    /// The target of node `node`, if it has a subscriber.
    public func target(_ node: Int) -> PubSubTarget? { targets.first { $0.node == node } }

    /// True when anything is subscribed anywhere.
    public var hasSubscriptions: Bool { targets.contains { !$0.isEmpty } }
}

/// The log as it was when `Space` paused the view.
public struct FrozenLog: Sendable {
    public var entries: [MessageLogEntry]
    /// The number of `entries[0]`.
    public var firstNumber: Int
    /// ``MessageLog/totalCounted`` when paused, to say how many arrived since.
    public var countedAtPause: Int
}

/// One subscriber connection (one node): what it is subscribed to and how it is doing.
public struct PubSubTarget: Sendable, Equatable {
    /// The node index.
    public var node: Int
    /// The node's address, for the header and gap rows.
    public var label: String
    public var state: SubscriberStatus = .connecting
    /// Names asked for, per kind, in order (confirmed or not).
    public var wanted: [ChannelKind: [[UInt8]]] = [:]
    /// Names the server confirmed.
    public var confirmed: Set<[UInt8]> = []
    /// The most recent gap.
    public var lastGap: DeliveryGap?

    public init(node: Int, label: String) {
        self.node = node
        self.label = label
    }

    /// True when nothing is wanted.
    public var isEmpty: Bool { wanted.values.allSatisfy(\.isEmpty) }
}

/// What the pane knows about key events.
public enum KeyEventsStatus: Sendable, Equatable {
    case off
    /// Reading `notify-keyspace-events`.
    case checking
    /// Subscribed to `__keyevent@*__:*`.
    case on
    /// The server's setting does not produce the events (the pane says so; `e` offers to change it).
    case notConfigured(KeyspaceEventsSetting)
    /// The setting could not be read or changed.
    case unavailable(String)
}

/// A `notify-keyspace-events` value cachescope changed and puts back when leaving.
public struct KeyspaceRestore: Sendable, Equatable {
    public var node: Int
    /// The value before cachescope changed it.
    public var previous: String
    /// The value cachescope set.
    public var current: String
}

/// The Pub/Sub pane's dialogs.
public enum PubSubDialog: Sendable, Equatable {
    /// `y` sets `notify-keyspace-events` to `setting.enabled` (restored on quit).
    case enableKeyEvents(node: Int, setting: KeyspaceEventsSetting)
}
