// The dashboard fed from a recording: one loop over AppState, no connection of any kind.
import AppCore
import Foundation
import Inspector
import Recording
import TerminalUI

/// Replays a recording through the same `AppUpdate` and `AppView` as the live dashboard.
///
/// It holds no ``NodeConnections`` and no `ManagedConnection`: the samples come from the file as
/// `.sampled` messages and the clock as `.tick`s on the replay's time, so no change can reach a
/// server. Effects that would read or change a server are answered "replay: no server". The keys
/// are the replay's keymap (``DefaultKeymap/replayBindings``); the clock is ``AppState/replay``.
/// The alerts are the recorded transitions, never evaluated again from the samples.
public actor ReplayRuntime {
    private var state: AppState
    private let reader: RecordingReader
    private let frameSink: @Sendable (Buffer) -> Void
    private let events: AsyncStream<Input>
    private let continuation: AsyncStream<Input>.Continuation
    /// How much history a jump loads before the clock (the sparklines' width, and some).
    private let historyMilliseconds: Int64 = 600_000
    private var states: [Int: RecordedNodeState] = [:]
    /// Each node's newest sample fed, so that the next window's totals continue it.
    private var lastFed: [Int: RecordedSample] = [:]
    /// Every recorded alert transition, in time order (a recording holds few).
    private let alerts: [RecordedAlert]
    /// The status message shown and how many real milliseconds it has left: replay time may
    /// stand still (paused) or run 60× faster, so the status line fades on real time.
    private var statusShown: StatusMessage?
    private var statusLeft: Int64 = 0

    private enum Input: Sendable {
        case app(AppMessage)
        case advance(Int64)
    }

    /// - Parameters:
    ///   - state: the starting state; its nodes are replaced by the recording's, and its keymap by the
    ///     replay's default one unless it is a replay keymap already (`DefaultKeymap.make(…, replay: true)`).
    ///   - path: the recording (already checked by the caller, so that errors come before the terminal).
    public init(state: AppState, path: String, frameSink: @escaping @Sendable (Buffer) -> Void) throws {
        let reader = try RecordingReader(path: path)
        guard let bounds = try reader.bounds() else { throw RecordingFileError.notARecording(path: path, reason: "it holds no sample") }
        self.reader = reader
        alerts = try reader.alerts()
        var state = state
        state.nodes = reader.nodes.map { NodeHealth(address: $0.address) }
        state.readOnly = true
        // A replay's keymap (the caller's, with the config's overrides, when it is one).
        if !state.keymap.bindings.contains(where: { $0.action.isReplay }) {
            state.keymap = (try? DefaultKeymap.make(readOnly: true, replay: true)) ?? state.keymap
        }
        state.interval = Double(reader.intervalMilliseconds) / 1000
        state.replay = ReplayClock(
            bounds: bounds, startedAtMilliseconds: reader.startedAtMilliseconds, stepMilliseconds: reader.intervalMilliseconds,
            alertMoments: try reader.alertMoments())
        self.state = state
        self.frameSink = frameSink
        (events, continuation) = AsyncStream<Input>.makeStream(bufferingPolicy: .unbounded)
    }

    /// Queues a message (terminal events) for the loop; callable from any thread.
    public nonisolated func send(_ message: AppMessage) { continuation.yield(.app(message)) }

    /// Runs until the user quits.
    public func run() async {
        let continuation = self.continuation
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                continuation.yield(.advance(250))
            }
        }
        defer { ticker.cancel() }
        rebuild()
        draw()
        loop: for await input in events {
            switch input {
            case .advance(let elapsed):
                let faded = fadeStatus(after: elapsed)
                if let before = state.replay?.position, state.replay?.advance(realMilliseconds: elapsed) == true, let now = state.replay?.position {
                    feed(after: before, through: now)
                } else if !faded {
                    continue  // paused or at the end: nothing to draw again
                }
            case .app(let message):
                if !perform(AppUpdate.update(&state, message)) { break loop }
            }
            draw()
        }
    }

    /// Answers `effects`; false when one is quit.
    private func perform(_ effects: [AppEffect]) -> Bool {
        for effect in effects {
            switch effect {
            case .quit, .switchContext: return false
            case .replay(.rebuild): rebuild()
            case .mutate, .publish, .setKeyspaceEvents, .startRecording, .stopRecording:
                say("replay: no server, nothing can be changed", kind: .error)
            default:
                // Reads of a server (scans, values, polls, subscriptions): the pane says it has no
                // recorded data; nothing is opened.
                break
            }
        }
        return true
    }

    private func say(_ text: String, kind: StatusMessage.Kind) {
        state.status = StatusMessage(DisplayText(sanitizing: text), kind: kind, now: state.now, lifetime: 5)
    }

    /// Clears the status line after 5 real seconds; true when it did.
    private func fadeStatus(after elapsed: Int64) -> Bool {
        guard let status = state.status else { return false }
        if status != statusShown {
            statusShown = status
            statusLeft = 5000
        }
        statusLeft -= elapsed
        guard statusLeft <= 0 else { return false }
        state.status = nil
        statusShown = nil
        return true
    }

    /// What the recording holds beside samples as at `t`, for the panes and the `e` overlay.
    private func readRecords(at t: Int64) {
        do {
            let entries = try reader.entries(through: t, limit: 60).map {
                ReplayRecords.Entry(t: $0.t, isAction: $0.source == .action, kind: $0.kind, target: $0.target, keys: $0.keys, outcome: $0.outcome, detail: $0.detail)
            }
            let prefixes = try reader.prefixes(at: t).prefix(40).map { ReplayRecords.Prefix(prefix: $0.prefix, keys: $0.keys, memory: $0.memory, estimated: $0.estimated) }
            let channels = try reader.channels(from: t - 60_000, through: t).prefix(40).map { ReplayRecords.Channel(channel: $0.channel, messages: $0.messages) }
            state.replayRecords = ReplayRecords(entries: entries, prefixes: Array(prefixes), channels: Array(channels))
        } catch {
            say("replay: \(error)", kind: .error)
        }
    }

    /// Shows the recording as at the clock: fresh nodes and alerts, then the history before it.
    private func rebuild() {
        guard let position = state.replay?.position else { return }
        state.nodes = state.nodes.map { NodeHealth(address: $0.address) }
        state.alerts = AlertEngine(rules: state.alerts.rules)
        state.now = Double(position - historyMilliseconds) / 1000
        lastFed = [:]
        // Alerts that fired before the history window may still be firing at the clock.
        applyAlerts(after: .min, through: position - historyMilliseconds)
        feed(after: position - historyMilliseconds, through: position)
    }

    /// Sets the recorded alert transitions with `after < t ≤ through` on the alert bar's engine.
    private func applyAlerts(after: Int64, through: Int64) {
        let addresses = state.nodes.map(\.address)
        for transition in alerts where transition.t > after && transition.t <= through {
            var alert = transition.alert(rules: state.alerts.rules, addresses: addresses)
            // A resolved alert keeps the moment it fired.
            if alert.state == .resolved, let firing = state.alerts.active[alert.id] {
                alert.since = firing.since
                alert.firedAt = firing.firedAt
            }
            state.alerts.restore(alert)
        }
    }

    /// Sends the samples with `after < t ≤ through` as the dashboard's samples, the recorded alert
    /// transitions of that window, then a tick at `through`.
    private func feed(after: Int64, through: Int64) {
        do {
            states = try reader.nodeStates(at: through)
            for row in try reader.samples(from: after + 1, through: through, continuing: lastFed) where state.nodes.indices.contains(row.node) {
                lastFed[row.node] = row
                _ = AppUpdate.update(&state, .sampled(node: row.node, outcome: row.outcome(state: states[row.node])))
            }
        } catch {
            say("replay: \(error)", kind: .error)
        }
        applyAlerts(after: after, through: through)
        let wall = (state.replay?.startedAtMilliseconds ?? 0) + through
        // The status line fades on real time (`fadeStatus`), not on the replay's, which may run 60× faster.
        let status = state.status
        _ = AppUpdate.update(&state, .tick(now: Double(through) / 1000, wallMilliseconds: wall))
        state.status = status
        readRecords(at: through)
    }

    private func draw() {
        frameSink(AppView.render(state))
    }
}
