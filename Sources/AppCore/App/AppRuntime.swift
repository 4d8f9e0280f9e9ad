import Foundation
import Inspector
import RedisClient
import TerminalUI

/// The one loop that owns `AppState`: messages in (terminal events, samples, ticks), `update`,
/// effects out to tasks on the network/disk side, a frame out after every message. Nothing
/// in this loop waits on the network.
public actor AppRuntime {
    private var state: AppState
    private let connections: [ManagedConnection]
    private let monitor: HealthMonitor
    private let frameSink: @Sendable (Buffer) -> Void
    private let dumpDirectory: String
    private let messages: AsyncStream<AppMessage>
    private let continuation: AsyncStream<AppMessage>.Continuation
    private var lastFrame: Buffer?
    private var background: [Task<Void, Never>] = []

    /// - Parameters:
    ///   - state: the starting state (nodes in the same order as `connections`).
    ///   - connections: one managed connection per node.
    ///   - frameSink: receives every finished frame (the terminal draws the newest).
    ///   - dumpDirectory: where `:dump` writes its files.
    public init(state: AppState, connections: [ManagedConnection], frameSink: @escaping @Sendable (Buffer) -> Void, dumpDirectory: String = FileManager.default.currentDirectoryPath) {
        self.state = state
        self.connections = connections
        self.monitor = HealthMonitor(connections: connections, interval: .milliseconds(Int(state.interval * 1000)))
        self.frameSink = frameSink
        self.dumpDirectory = dumpDirectory
        (messages, continuation) = AsyncStream<AppMessage>.makeStream(bufferingPolicy: .unbounded)
    }

    /// Queues a message for the loop; callable from any thread.
    public nonisolated func send(_ message: AppMessage) {
        continuation.yield(message)
    }

    /// Runs until the user quits; then stops sampling and closes every connection.
    public func run() async {
        let monitor = self.monitor
        let continuation = self.continuation
        background.append(Task.detached {
            await monitor.run { index, outcome in continuation.yield(.sampled(node: index, outcome: outcome)) }
        })
        background.append(Task.detached {
            // One tick a second keeps countdowns and "for 5m" labels moving; nothing else polls.
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                continuation.yield(.tick(now: MonotonicClock.now()))
            }
        })
        state.now = MonotonicClock.now()
        draw()
        loop: for await message in messages {
            let effects = AppUpdate.update(&state, message)
            for effect in effects {
                if effect == .quit { break loop }
                perform(effect)
            }
            draw()
        }
        await shutdown()
    }

    private func draw() {
        let frame = AppView.render(state)
        lastFrame = frame
        frameSink(frame)
    }

    private func perform(_ effect: AppEffect) {
        switch effect {
        case .quit:
            break
        case .loadTheme(let name):
            let continuation = self.continuation
            Task.detached {
                let result = Result { () throws(ThemeLoadError) -> LoadedTheme in try ThemeLoader.load(nameOrPath: name) }
                continuation.yield(.themeLoaded(name: name, result: result))
            }
        case .dumpScreen:
            let text = lastFrame?.textLines().joined(separator: "\n") ?? ""
            let report = HealthReport(nodes: state.nodes, alerts: state.alerts, interval: state.interval)
            let directory = dumpDirectory
            let continuation = self.continuation
            Task.detached {
                continuation.yield(.dumpFinished(ScreenDump.write(screen: text, figures: report.json(), to: directory, at: Date())))
            }
        }
    }

    private func shutdown() async {
        for task in background { task.cancel() }
        continuation.finish()
        await withTaskGroup(of: Void.self) { group in
            for connection in connections { group.addTask { await connection.close() } }
        }
    }
}
