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
/// server. Effects that would read or change a server are answered "replay: no server".
public actor ReplayRuntime {
    private var state: AppState
    private var clock: ReplayClock
    private let reader: RecordingReader
    private let frameSink: @Sendable (Buffer) -> Void
    private let events: AsyncStream<Input>
    private let continuation: AsyncStream<Input>.Continuation
    /// How much history a jump loads before the clock (the sparklines' width, and some).
    private let historyMilliseconds: Int64 = 600_000
    private var states: [Int: RecordedNodeState] = [:]
    /// Each node's newest sample fed, so that the next window's totals continue it.
    private var lastFed: [Int: RecordedSample] = [:]
    /// The "recorded" overlay (`e`), when open.
    private var recorded: ReplayRecorded?

    private enum Input: Sendable {
        case app(AppMessage)
        case advance(Int64)
    }

    /// - Parameters:
    ///   - state: the starting state; its nodes are replaced by the recording's.
    ///   - path: the recording (already checked by the caller, so that errors come before the terminal).
    public init(state: AppState, path: String, frameSink: @escaping @Sendable (Buffer) -> Void) throws {
        let reader = try RecordingReader(path: path)
        guard let bounds = try reader.bounds() else { throw RecordingFileError.notARecording(path: path, reason: "it holds no sample") }
        self.reader = reader
        var state = state
        let nodes = reader.nodes.map(\.address)
        state.nodes = nodes.map { NodeHealth(address: $0) }
        state.readOnly = true
        state.interval = Double(reader.intervalMilliseconds) / 1000
        self.state = state
        clock = ReplayClock(
            bounds: bounds, startedAtMilliseconds: reader.startedAtMilliseconds, stepMilliseconds: reader.intervalMilliseconds,
            alertMoments: try reader.alertMoments())
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
                let before = clock.position
                guard clock.advance(realMilliseconds: elapsed) else { continue }
                feed(after: before, through: clock.position)
            case .app(.terminal(.key(let key))) where recorded != nil:
                // The overlay takes the keys: `e` or Esc close it, the clock keys still work.
                if key == .character("e") || key == .escape {
                    recorded = nil
                } else if let move = clock.handle(key) {
                    apply(move)
                }
            case .app(.terminal(.key(.character("e")))) where state.overlay == nil:
                recorded = try? ReplayRecorded(reader, at: clock.position)
            case .app(.terminal(.key(let key))) where state.overlay == nil:
                if let move = clock.handle(key) {
                    apply(move)
                } else if !perform(AppUpdate.update(&state, .terminal(.key(key)))) {
                    break loop
                }
            case .app(.terminal(.key(.enter))):
                // `:goto` is the replay's own command; the others go to the app's command line.
                if case .command(let line) = state.overlay, line.text.hasPrefix("goto") {
                    state.overlay = nil
                    let argument = line.text.dropFirst(4).trimmingCharacters(in: .whitespaces)
                    apply(clock.goto(argument))
                } else if !perform(AppUpdate.update(&state, .terminal(.key(.enter)))) {
                    break loop
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
            case .mutate, .publish, .setKeyspaceEvents, .startRecording, .stopRecording:
                say("replay: no server", kind: .error)
            case .startScan, .openKey, .loadValuePage, .runDoctor, .subscribe, .pollServer, .pollLeaderboard, .findMember, .countSortedSets,
                .listChannels, .checkKeyspaceEvents:
                say("replay: no server (this pane's data was not recorded)", kind: .warning)
            default: break
            }
        }
        return true
    }

    private func apply(_ move: ReplayClock.Move) {
        switch move {
        case .advanced, .changed: break
        case .jumped: rebuild()
        case .refused(let text): say(text, kind: .error)
        }
    }

    private func say(_ text: String, kind: StatusMessage.Kind) {
        state.status = StatusMessage(DisplayText(sanitizing: text), kind: kind, now: state.now, lifetime: 5)
    }

    /// Shows the recording as at the clock: fresh nodes and alerts, then the history before it.
    private func rebuild() {
        state.nodes = state.nodes.map { NodeHealth(address: $0.address) }
        state.alerts = AlertEngine(rules: state.alerts.rules)
        lastFed = [:]
        feed(after: clock.position - historyMilliseconds, through: clock.position)
    }

    /// Sends the samples with `after < t ≤ through` as the dashboard's samples, then a tick at `through`.
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
        _ = AppUpdate.update(&state, .tick(now: Double(through) / 1000, wallMilliseconds: clock.startedAtMilliseconds + through))
        if recorded != nil { recorded = try? ReplayRecorded(reader, at: through) }
    }

    private func draw() {
        var frame = AppView.render(state)
        if state.status == nil, state.overlay == nil, state.height >= AppView.minimumHeight {
            ReplayTimeline.render(clock, theme: state.theme, symbols: state.symbols, row: state.height - 1, width: state.width, into: &frame)
        }
        recorded?.render(clock, theme: state.theme, symbols: state.symbols, screen: frame.area, into: &frame)
        frameSink(frame)
    }
}
