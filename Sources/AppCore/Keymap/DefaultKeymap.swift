import Foundation
import TerminalUI

/// The actions the app dispatches on. A raw value is the name config.toml's `[keys]` table
/// uses for the action; names become cases once, when the keymap is built.
public enum AppAction: String, Sendable, CaseIterable {
    case quit, help, command, filter, nextPane, previousPane
    case paneOverview, paneKeys, paneLeaderboard, panePubSub, paneServer
    case moveUp, moveDown, pageUp, pageDown, top, bottom, back
    case open, expire, persist, delete, deletePattern, undo, watchSortedSet, rescan, toggleView, sort
    case pause, keyEvents, reverseOrder, findMember, nextWatched
    case sortColumn, collapse, cycleType, nextPage, toggleHex, expirePattern
    case nextSection, previousSection
    case doctor
    case killClients, groupClients, cycleLog
    case columnsRight, columnsLeft
    /// Replay only (`cachescope replay`): the clock and the recorded overlay.
    case replayPause, replayStepBack, replayStepForward, replaySlower, replayFaster, replayStart, replayEnd, replayNextAlert, replayRecorded
}

/// The app's keymap: keys trigger `AppAction`s, and a binding belongs to a `Pane` or is global.
public typealias AppKeymap = Keymap<AppAction, Pane>

/// The default bindings (DESIGN.md's table). Dangerous ones vanish in read-only mode.
public enum DefaultKeymap {
    typealias Binding = AppKeymap.Binding
    static let keys = AppKeymap.Scope.area(.keys)
    static let leaderboard = AppKeymap.Scope.area(.leaderboard)
    static let pubsub = AppKeymap.Scope.area(.pubsub)
    static let server = AppKeymap.Scope.area(.server)
    static let overview = AppKeymap.Scope.area(.overview)

    /// Every default binding.
    public static let bindings: [AppKeymap.Binding] = [
        Binding([.character("q"), .control("c")], action: .quit, description: "quit"),
        Binding(.character("?"), action: .help, description: "help"),
        Binding(.character(":"), action: .command, description: "command"),
        Binding(.tab, action: .nextPane, description: "next pane", showInHints: false),
        Binding(.backTab, action: .previousPane, description: "previous pane", showInHints: false),
        Binding(.character("1"), action: .paneOverview, description: "Overview", showInHints: false),
        Binding(.character("2"), action: .paneKeys, description: "Keys", showInHints: false),
        Binding(.character("3"), action: .paneLeaderboard, description: "Leaderboard", showInHints: false),
        Binding(.character("4"), action: .panePubSub, description: "Pub/Sub", showInHints: false),
        Binding(.character("5"), action: .paneServer, description: "Server", showInHints: false),
        Binding([.character("j"), .down], action: .moveDown, description: "down", showInHints: false),
        Binding([.character("k"), .up], action: .moveUp, description: "up", showInHints: false),
        Binding(.pageDown, action: .pageDown, description: "page down", showInHints: false),
        Binding(.pageUp, action: .pageUp, description: "page up", showInHints: false),
        Binding([.character("g"), .home], action: .top, description: "first", showInHints: false),
        Binding([.character("G"), .end], action: .bottom, description: "last", showInHints: false),
        Binding(.escape, action: .back, description: "back / clear filter", showInHints: false),

        Binding(.character("/"), scope: keys, action: .filter, description: "filter"),
        Binding([.enter, .right], scope: keys, action: .open, description: "open"),
        Binding(.enter, scope: overview, action: .open, description: "show only this node"),
        Binding(.right, scope: overview, action: .columnsRight, description: "more columns"),
        Binding(.left, scope: overview, action: .columnsLeft, description: "columns back", showInHints: false),
        Binding(.left, scope: keys, action: .collapse, description: "close folder / value", showInHints: false),
        Binding(.character("t"), scope: keys, action: .toggleView, description: "tree/list"),
        Binding(.character("T"), scope: keys, action: .cycleType, description: "type filter"),
        Binding(.character("]"), scope: keys, action: .nextPage, description: "more of value", showInHints: false),
        Binding(.character("x"), scope: keys, action: .toggleHex, description: "hex view", showInHints: false),
        Binding(.character("s"), scope: keys, action: .sort, description: "sort"),
        Binding(.character("r"), scope: keys, action: .rescan, description: "rescan"),
        Binding(.character("e"), scope: keys, action: .expire, description: "expire", isDangerous: true),
        Binding(.character("p"), scope: keys, action: .persist, description: "persist", isDangerous: true),
        Binding(.character("d"), scope: keys, action: .delete, description: "delete", isDangerous: true),
        Binding(.character("D"), scope: keys, action: .deletePattern, description: "delete matching", isDangerous: true),
        Binding(.character("E"), scope: keys, action: .expirePattern, description: "TTL on matching keys without one", isDangerous: true),
        Binding(.character("u"), scope: keys, action: .undo, description: "undo delete", isDangerous: true),
        Binding(.character("l"), scope: keys, action: .watchSortedSet, description: "watch zset"),
        Binding(.character("H"), scope: keys, action: .doctor, description: "doctor"),

        Binding(.enter, scope: leaderboard, action: .open, description: "watch this set"),
        Binding(.character("o"), scope: leaderboard, action: .reverseOrder, description: "asc/desc"),
        Binding(.character("/"), scope: leaderboard, action: .findMember, description: "find member"),
        Binding(.character("n"), scope: leaderboard, action: .nextWatched, description: "next zset"),

        Binding(.character(" "), scope: pubsub, action: .pause, description: "pause"),
        Binding(.character("/"), scope: pubsub, action: .filter, description: "filter"),
        Binding(.character("e"), scope: pubsub, action: .keyEvents, description: "key events"),

        Binding(.character("s"), scope: server, action: .sortColumn, description: "sort by next column"),
        Binding(.right, scope: server, action: .nextSection, description: "next section"),
        Binding(.left, scope: server, action: .previousSection, description: "previous section"),
        Binding(.character("/"), scope: server, action: .filter, description: "filter clients"),
        Binding(.character("v"), scope: server, action: .groupClients, description: "group clients"),
        Binding(.character("c"), scope: server, action: .cycleLog, description: "slow log / COMMANDLOG large requests, replies"),
        Binding(.character("K"), scope: server, action: .killClients, description: "kill clients", isDangerous: true),
    ]

    /// The replay's bindings (`cachescope replay`): global, and they take their keys from every
    /// other binding, since the clock matters more there than a list's first row.
    public static let replayBindings: [AppKeymap.Binding] = [
        Binding(.character(" "), action: .replayPause, description: "pause"),
        Binding(.left, action: .replayStepBack, description: "back"),
        Binding(.right, action: .replayStepForward, description: "step"),
        Binding(.character("["), action: .replaySlower, description: "slower"),
        Binding(.character("]"), action: .replayFaster, description: "faster"),
        Binding(.character("g"), action: .replayStart, description: "start"),
        Binding(.character("G"), action: .replayEnd, description: "end"),
        Binding(.character("t"), action: .replayNextAlert, description: "next alert"),
        Binding(.character("e"), action: .replayRecorded, description: "recorded events"),
    ]

    /// The keymap for a session: defaults, config overrides applied, dangerous bindings dropped
    /// in read-only mode. This is where a `[keys]` name becomes its `AppAction`.
    /// - Parameters:
    ///   - overrides: action name → key names, comma-separated (`"Ctrl-D, x"`).
    ///   - replay: a replay's keymap: ``replayBindings`` first, their keys taken from the others
    ///     (a binding left with no key is dropped); read-only whatever `readOnly` says.
    /// - Throws: `KeyOverrideError` for the first entry (by name) whose action or key names mean
    ///   nothing.
    public static func make(readOnly: Bool, overrides: [String: String] = [:], replay: Bool = false) throws(KeyOverrideError) -> AppKeymap {
        var keymap = AppKeymap(bindings)
        if replay {
            let taken = Set(replayBindings.flatMap(\.keys))
            var others = bindings
            for index in others.indices {
                others[index].keys.removeAll { taken.contains($0) }
                if others[index].action == .command { others[index].description = "command, :goto HH:MM:SS" }
            }
            keymap = AppKeymap(replayBindings + others.filter { !$0.keys.isEmpty })
        }
        for (name, keyNames) in overrides.sorted(by: { $0.key < $1.key }) {
            var keys: [Key] = []
            do {
                for keyName in keyNames.split(separator: ",") { keys.append(try Key(parsing: keyName.trimmingCharacters(in: .whitespaces))) }
            } catch {
                throw KeyOverrideError(name: name, reason: error.description)
            }
            guard let action = AppAction(rawValue: name) else {
                throw KeyOverrideError(name: name, reason: "no such action (one of: \(AppAction.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            // A replay action's override means nothing outside a replay (its binding is not there).
            guard keymap.rebind(action: action, to: keys) || (!replay && action.isReplay) else {
                throw KeyOverrideError(name: name, reason: "no such action (one of: \(AppAction.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        return keymap.filtered(readOnly: readOnly || replay)
    }
}

extension AppAction {
    /// The replay's own actions (bound only in a replay's keymap).
    public var isReplay: Bool { rawValue.hasPrefix("replay") }
}
