import Foundation
import TerminalUI

/// The action identifiers the app dispatches on. One place names them so bindings, config
/// overrides and `update` agree.
public enum AppAction: String, Sendable, CaseIterable {
    case quit, help, command, filter, nextPane, previousPane
    case paneOverview, paneKeys, paneLeaderboard, panePubSub, paneServer
    case moveUp, moveDown, pageUp, pageDown, top, bottom, back
    case open, expire, persist, delete, deletePattern, undo, watchSortedSet, rescan, toggleView, sort
    case pause, keyEvents, reverseOrder, findMember, nextWatched
    case sortColumn, collapse, cycleType, nextPage, toggleHex, expirePattern
    case nextSection, previousSection
    case doctor
}

/// The default bindings (DESIGN.md's table). Dangerous ones vanish in read-only mode.
public enum DefaultKeymap {
    static let keys = KeyScope.pane(Pane.keys.title)
    static let leaderboard = KeyScope.pane(Pane.leaderboard.title)
    static let pubsub = KeyScope.pane(Pane.pubsub.title)
    static let server = KeyScope.pane(Pane.server.title)
    static let overview = KeyScope.pane(Pane.overview.title)

    /// Every default binding.
    public static let bindings: [KeyBinding] = [
        KeyBinding([.character("q"), .control("c")], action: AppAction.quit.rawValue, description: "quit"),
        KeyBinding(.character("?"), action: AppAction.help.rawValue, description: "help"),
        KeyBinding(.character(":"), action: AppAction.command.rawValue, description: "command"),
        KeyBinding(.tab, action: AppAction.nextPane.rawValue, description: "next pane", showInHints: false),
        KeyBinding(.backTab, action: AppAction.previousPane.rawValue, description: "previous pane", showInHints: false),
        KeyBinding(.character("1"), action: AppAction.paneOverview.rawValue, description: "Overview", showInHints: false),
        KeyBinding(.character("2"), action: AppAction.paneKeys.rawValue, description: "Keys", showInHints: false),
        KeyBinding(.character("3"), action: AppAction.paneLeaderboard.rawValue, description: "Leaderboard", showInHints: false),
        KeyBinding(.character("4"), action: AppAction.panePubSub.rawValue, description: "Pub/Sub", showInHints: false),
        KeyBinding(.character("5"), action: AppAction.paneServer.rawValue, description: "Server", showInHints: false),
        KeyBinding([.character("j"), .down], action: AppAction.moveDown.rawValue, description: "down", showInHints: false),
        KeyBinding([.character("k"), .up], action: AppAction.moveUp.rawValue, description: "up", showInHints: false),
        KeyBinding(.pageDown, action: AppAction.pageDown.rawValue, description: "page down", showInHints: false),
        KeyBinding(.pageUp, action: AppAction.pageUp.rawValue, description: "page up", showInHints: false),
        KeyBinding([.character("g"), .home], action: AppAction.top.rawValue, description: "first", showInHints: false),
        KeyBinding([.character("G"), .end], action: AppAction.bottom.rawValue, description: "last", showInHints: false),
        KeyBinding(.escape, action: AppAction.back.rawValue, description: "back / clear filter", showInHints: false),

        KeyBinding(.character("/"), scope: keys, action: AppAction.filter.rawValue, description: "filter"),
        KeyBinding([.enter, .right], scope: keys, action: AppAction.open.rawValue, description: "open"),
        KeyBinding(.enter, scope: overview, action: AppAction.open.rawValue, description: "show only this node"),
        KeyBinding(.left, scope: keys, action: AppAction.collapse.rawValue, description: "close folder / value", showInHints: false),
        KeyBinding(.character("t"), scope: keys, action: AppAction.toggleView.rawValue, description: "tree/list"),
        KeyBinding(.character("T"), scope: keys, action: AppAction.cycleType.rawValue, description: "type filter"),
        KeyBinding(.character("]"), scope: keys, action: AppAction.nextPage.rawValue, description: "more of value", showInHints: false),
        KeyBinding(.character("x"), scope: keys, action: AppAction.toggleHex.rawValue, description: "hex view", showInHints: false),
        KeyBinding(.character("s"), scope: keys, action: AppAction.sort.rawValue, description: "sort"),
        KeyBinding(.character("r"), scope: keys, action: AppAction.rescan.rawValue, description: "rescan"),
        KeyBinding(.character("e"), scope: keys, action: AppAction.expire.rawValue, description: "expire", isDangerous: true),
        KeyBinding(.character("p"), scope: keys, action: AppAction.persist.rawValue, description: "persist", isDangerous: true),
        KeyBinding(.character("d"), scope: keys, action: AppAction.delete.rawValue, description: "delete", isDangerous: true),
        KeyBinding(.character("D"), scope: keys, action: AppAction.deletePattern.rawValue, description: "delete matching", isDangerous: true),
        KeyBinding(.character("E"), scope: keys, action: AppAction.expirePattern.rawValue, description: "TTL on matching keys without one", isDangerous: true),
        KeyBinding(.character("u"), scope: keys, action: AppAction.undo.rawValue, description: "undo delete", isDangerous: true),
        KeyBinding(.character("l"), scope: keys, action: AppAction.watchSortedSet.rawValue, description: "watch zset"),
        KeyBinding(.character("H"), scope: keys, action: AppAction.doctor.rawValue, description: "doctor"),

        KeyBinding(.character("o"), scope: leaderboard, action: AppAction.reverseOrder.rawValue, description: "asc/desc"),
        KeyBinding(.character("/"), scope: leaderboard, action: AppAction.findMember.rawValue, description: "find member"),
        KeyBinding(.character("n"), scope: leaderboard, action: AppAction.nextWatched.rawValue, description: "next zset"),

        KeyBinding(.character(" "), scope: pubsub, action: AppAction.pause.rawValue, description: "pause"),
        KeyBinding(.character("/"), scope: pubsub, action: AppAction.filter.rawValue, description: "filter"),
        KeyBinding(.character("e"), scope: pubsub, action: AppAction.keyEvents.rawValue, description: "key events"),

        KeyBinding(.character("s"), scope: server, action: AppAction.sortColumn.rawValue, description: "sort by next column"),
        KeyBinding(.right, scope: server, action: AppAction.nextSection.rawValue, description: "next section"),
        KeyBinding(.left, scope: server, action: AppAction.previousSection.rawValue, description: "previous section"),
    ]

    /// The keymap for a session: defaults, config overrides applied, dangerous bindings dropped
    /// in read-only mode.
    /// - Throws: `KeyParseError` for a key name in the overrides that means nothing.
    public static func make(readOnly: Bool, overrides: [String: String] = [:]) throws -> Keymap {
        var keymap = Keymap(bindings)
        for (action, keyNames) in overrides.sorted(by: { $0.key < $1.key }) {
            let keys = try keyNames.split(separator: ",").map { try Key(parsing: $0.trimmingCharacters(in: .whitespaces)) }
            if !keymap.rebind(action: action, to: keys) {
                throw KeyParseError(name: "\(action) (no such action; one of: \(AppAction.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        return keymap.filtered(readOnly: readOnly)
    }
}
