// What the replay's keys and `:goto` do to the state: move the clock, and ask the replay to follow.
import TerminalUI

/// The replay's part of `update`: the clock lives in ``AppState/replay``; a jump asks the replay
/// runtime to rebuild what is shown (``ReplayRequest/rebuild``), a refusal goes to the status line.
enum ReplayUpdate {
    static func perform(_ action: AppAction, _ state: inout AppState) -> [AppEffect] {
        if action == .replayRecorded {
            if state.replay != nil { state.overlay = .replayRecords }
            return []
        }
        guard let move = state.replay?.perform(action) else { return [] }
        return apply(move, &state)
    }

    /// A key while the recorded overlay is open: `e`, `Esc` or `q` close it; the clock's keys still work.
    static func recordsKey(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        if key == .escape || key == .character("q") || state.keymap.lookup(key, scope: .global) == .replayRecorded {
            state.overlay = nil
            return []
        }
        if key == .control("c") { return [.quit] }
        guard let action = state.keymap.lookup(key, scope: .global), action.isReplay else { return [] }
        return perform(action, &state)
    }

    /// A key with no binding here: in a replay, a key that changes data in a live session (`d`,
    /// `x`…) is refused plainly rather than ignored.
    static func unbound(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        guard state.replay != nil,
            let change = DefaultKeymap.bindings.first(where: { $0.isDangerous && $0.keys.contains(key) && ($0.scope == state.scope || $0.scope == .global) })
                ?? DefaultKeymap.bindings.first(where: { $0.isDangerous && $0.keys.contains(key) })
        else { return [] }
        state.status = StatusMessage("replay: \(change.description) refused: a replay opens no connection, nothing can be changed", kind: .error, now: state.now)
        return []
    }

    /// `:goto HH:MM[:SS]`; outside a replay it says so.
    static func goto(_ time: String, _ state: inout AppState) -> [AppEffect] {
        guard let move = state.replay?.goto(time) else {
            state.status = StatusMessage("goto: only in cachescope replay", kind: .warning, now: state.now)
            return []
        }
        return apply(move, &state)
    }

    private static func apply(_ move: ReplayClock.Move, _ state: inout AppState) -> [AppEffect] {
        switch move {
        case .advanced, .changed: return []
        case .jumped: return [.replay(.rebuild)]
        case .refused(let text):
            state.status = StatusMessage(DisplayText(sanitizing: text), kind: .error, now: state.now, lifetime: 5)
            return []
        }
    }
}
