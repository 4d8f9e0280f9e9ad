import Inspector
import TerminalUI
import Testing

@testable import AppCore

/// A replay's keys go through the typed keymap: bound, shown in the hint bar and help, and
/// dispatched by `AppUpdate` to the clock in `AppState.replay`.
@Suite("Replay keymap and update")
struct ReplayKeymapTests {
    /// A replay state: one node, 14:00:00–14:20:00 UTC, alert transitions at 14:05:30 and 14:10:30.
    private func replayState(pane: Pane = .overview) throws -> AppState {
        var state = AppState(addresses: ["127.0.0.1:6379"], readOnly: true, keymap: try DefaultKeymap.make(readOnly: true, replay: true), width: 160, height: 40)
        state.replay = ReplayClock(bounds: 0...1_200_000, startedAtMilliseconds: 1_764_943_200_000, stepMilliseconds: 1000, alertMoments: [330_000, 630_000])
        state.pane = pane
        return state
    }

    @Test("the replay keys win in every pane, and the keys they take leave the other bindings")
    func bindings() throws {
        let keymap = try DefaultKeymap.make(readOnly: false, replay: true)
        let expected: [(Key, AppAction)] = [
            (.character(" "), .replayPause), (.left, .replayStepBack), (.right, .replayStepForward), (.character("["), .replaySlower),
            (.character("]"), .replayFaster), (.character("g"), .replayStart), (.character("G"), .replayEnd), (.character("t"), .replayNextAlert),
            (.character("e"), .replayRecorded),
        ]
        for pane in Pane.allCases {
            for (key, action) in expected { #expect(keymap.lookup(key, scope: .area(pane)) == action, "\(key) in \(pane)") }
        }
        #expect(keymap.bindings.allSatisfy { !$0.isDangerous }, "a replay keymap is read-only")
        #expect(keymap.lookup(.home, scope: .area(.overview)) == .top, "Home still goes to the first row")
        // A live keymap binds none of them.
        let live = try DefaultKeymap.make(readOnly: false)
        #expect(!live.bindings.contains { $0.action.isReplay })
        #expect(live.lookup(.character("g"), scope: .area(.overview)) == .top)
    }

    @Test("the hint bar and the help show the replay keys and :goto")
    func shown() throws {
        let state = try replayState()
        let screen = AppView.render(state).textLines()
        let hints = screen[39]
        for text in ["Space pause", "← back", "→ step", "[ slower", "] faster", "t next alert", "? help", "g start", "G end"] {
            #expect(hints.contains(text), "\(text) in \(hints)")
        }
        #expect(screen[38].contains("REPLAY 14:00:00 ×1"))
        #expect(screen[38].contains("14:00:00–14:20:00 UTC"))
        let help = state.keymap.helpSections(for: state.scope).flatMap(\.entries).map { "\($0.keys) \($0.description)" }
        #expect(help.contains("Space pause"))
        #expect(help.contains("t next alert"))
        #expect(help.contains(": command, :goto HH:MM:SS"))
        #expect(AppView.commandHelpSection.entries.contains { $0.keys == ":goto HH:MM:SS" })
    }

    @Test("keys move the clock through AppUpdate; a jump asks for a rebuild; a refusal is said")
    func update() throws {
        var state = try replayState(pane: .keys)
        #expect(state.press("]").isEmpty)
        #expect(state.replay?.speed == 2)
        #expect(state.press("t") == [.replay(.rebuild)])
        #expect(state.replay?.position == 330_000)
        #expect(state.press(.right).isEmpty)
        #expect(state.status?.text.description == "replay: pause (Space) before stepping")
        _ = state.press(" ")
        #expect(state.press(.right) == [.replay(.rebuild)])
        #expect(state.replay?.position == 331_000)
        #expect(state.press("e").isEmpty)
        #expect(state.overlay == .replayRecords)
        _ = state.press(" ")
        #expect(state.replay?.paused == false, "the clock's keys work with the overlay open")
        _ = state.press(.escape)
        #expect(state.overlay == nil)
        _ = state.press(" ")
        #expect(state.command("goto 14:03:20") == [.replay(.rebuild)])
        #expect(state.replay?.position == 200_000)
        #expect(state.command("goto 25:99").isEmpty)
        #expect(state.status?.text.description == "goto: 25:99 is not a time (HH:MM:SS)")
        #expect(state.replay?.position == 200_000)
    }

    @Test("a change key is refused with a clear message, and a pane with no recorded data says so")
    func refused() throws {
        var state = try replayState(pane: .keys)
        #expect(state.press("d").isEmpty)
        #expect(state.status?.text.description == "replay: delete refused: a replay opens no connection, nothing can be changed")
        state.status = nil
        _ = state.press("K")
        #expect(state.status?.text.description == "replay: kill clients refused: a replay opens no connection, nothing can be changed")
        state.status = nil
        #expect(state.press("/").isEmpty)
        #expect(state.status?.text.description == "replay: the Keys pane has no recorded data")
        let screen = AppView.render(state).text
        #expect(screen.contains("Replay has no data for key names, values and TTLs"))
        #expect(screen.contains("none recorded by this moment"))
        state.pane = .leaderboard
        #expect(AppView.render(state).text.contains("Replay has no data for the leaderboard"))
    }

    @Test("the panes show what was recorded for them, server bytes escaped, and e shows it all")
    func recordedData() throws {
        var state = try replayState(pane: .keys)
        let hostile: [UInt8] = Array("user:\u{1b}[2J".utf8) + [0xff]
        state.replayRecords = ReplayRecords(
            entries: [
                .init(t: 60_000, isAction: true, kind: "expire", target: hostile, keys: 1, outcome: "done", detail: "ttl 90"),
                .init(t: 61_000, isAction: false, kind: "failover", target: nil, keys: nil, outcome: nil, detail: "mymaster: primary 10.0.0.6:6379"),
            ],
            prefixes: [.init(prefix: Array("session:".utf8), keys: 1200, memory: 3_145_728, estimated: false)],
            channels: [.init(channel: Array("cache-invalidation".utf8), messages: 42)])
        #expect(AppView.render(state).text.contains("session:  1200 keys  3.00M"))
        state.pane = .pubsub
        #expect(AppView.render(state).text.contains("cache-invalidation  42"))
        state.pane = .server
        let server = AppView.render(state).text
        #expect(server.contains("14:01:00  action expire user:\\x1b[2J\\xff 1 key(s) done ttl 90"))
        #expect(server.contains("14:01:01  event  failover  mymaster: primary 10.0.0.6:6379"))
        #expect(!server.contains("\u{1b}"))
        state.pane = .overview
        _ = state.press("e")
        let overlay = AppView.render(state).text
        for text in ["Recorded, as at 14:00:00", "action expire user:\\x1b[2J", "session:  1200 keys", "cache-invalidation  42"] {
            #expect(overlay.contains(text), "\(text)")
        }
    }

    @Test("outside a replay :goto says so, and samples are evaluated for alerts only in a live session")
    func liveAndAlerts() throws {
        var live = AppState(addresses: ["a:1"])
        #expect(live.command("goto 14:00").isEmpty)
        #expect(live.status?.text.description == "goto: only in cachescope replay")
        // Node down: the live engine fires node-unreachable at once; a replay waits for the recorded transitions.
        _ = live.send(.sampled(node: 0, outcome: .failure(error: "refused", at: 1)))
        #expect(!live.alerts.firing.isEmpty)
        var replay = try replayState()
        _ = replay.send(.sampled(node: 0, outcome: .failure(error: "refused", at: 1)))
        #expect(replay.alerts.activeAlerts.isEmpty)
    }
}
