import AppCore
import ArgumentParser
import Foundation
import Inspector
import NcursesBackend
import RedisClient
import Runtime
import Synchronization
import TerminalUI

/// Runs the dashboard in this terminal until the user quits or a signal arrives, and always
/// gives the terminal back as it found it.
enum DashboardSession {
    /// - Returns: the process exit status.
    static func run(target: ResolvedTarget, display: DisplayArguments, extraStatus: String? = nil) async -> Int32 {
        let themeName = display.theme ?? target.config.theme
        let loadedTheme: LoadedTheme
        do { loadedTheme = try ThemeLoader.load(nameOrPath: themeName) } catch {
            FileHandle.standardError.write(Data("cachescope: \(error)\n".utf8))
            return 2
        }
        let keymap: AppKeymap
        do { keymap = try DefaultKeymap.make(readOnly: target.readOnly, overrides: target.config.keyOverrides) } catch {
            FileHandle.standardError.write(Data("cachescope: config [keys]: \(error)\n".utf8))
            return 2
        }
        // Discovered before the terminal starts, so that a failure is a plain message.
        var nodes: SessionNodes
        do { nodes = try await SessionNodes.discover(target, ask: true) } catch {
            FileHandle.standardError.write(Data("cachescope: \(error)\n".utf8))
            return 1
        }
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal.start(colorPreference: display.noColor ? .noColor : .automatic)
        } catch {
            FileHandle.standardError.write(Data("cachescope: \(error)\n".utf8))
            return 1
        }
        defer { terminal.stop() }
        // The runtime in charge receives the terminal's events; `:ctx` swaps it for another.
        let current = CurrentRuntime()
        terminal.onSignal { _ in current.send(.terminal(.key(.control("c")))) }
        let forwarder = Task.detached {
            for await event in terminal.events { current.send(.terminal(event)) }
            // The terminal went away (a signal): leave as if the user quit.
            current.send(.terminal(.key(.control("c"))))
        }
        defer { forwarder.cancel() }

        var target = target
        var status = extraStatus ?? (loadedTheme.fellBack.isEmpty ? nil : "theme \(themeName): default used for \(loadedTheme.fellBack.joined(separator: ", "))")
        while true {
            let runtime = makeRuntime(target: target, nodes: nodes, display: display, theme: loadedTheme.theme, themeName: themeName, keymap: keymap, terminal: terminal, status: status)
            current.set(runtime)
            guard case .switchContext(let name) = await runtime.run() else { return 0 }
            do {
                let next = try ResolvedTarget.resolve(ConnectionArguments.parse(["--context", name]), display)
                nodes = try await SessionNodes.discover(next)
                target = next
                status = "switched to \(name): \(nodes.addresses.joined(separator: ", "))"
            } catch {
                // Stay on the current connection (its runtime closed its connections: make new ones).
                status = "cannot switch to \(name): \(error)"
                guard let again = try? await SessionNodes.discover(target) else { return 1 }
                nodes = again
            }
        }
    }

    /// A runtime over `nodes` of `target`, drawing into `terminal`.
    private static func makeRuntime(
        target: ResolvedTarget, nodes: SessionNodes, display: DisplayArguments, theme: Theme, themeName: String, keymap: AppKeymap, terminal: NcursesTerminal, status: String?
    ) -> AppRuntime {
        let size = terminal.size
        var state = AppState(
            addresses: nodes.addresses, alertRules: target.config.alertRules, readOnly: target.readOnly,
            insecureTLS: target.insecureTLS, theme: theme, themeName: themeName, colorSupport: terminal.colorSupport,
            unicode: terminal.unicode, keymap: keymap, width: size.width, height: size.height, now: MonotonicClock.now(),
            interval: display.interval ?? target.config.interval, connectionLabel: label(target, nodes)
        )
        state.cluster = nodes.overview
        if let overview = nodes.sentinelOverview {
            state.sentinel = SentinelState(masterName: overview.masterName, overview: overview)
            // The group's own alerts (primary down, failover, quorum, replica lag) join the rules.
            state.alerts.rules += AlertRule.sentinelDefaults.filter { rule in !state.alerts.rules.contains { $0.name == rule.name } }
        }
        state.pubsub = PubSubState(capacity: target.config.messageLogCapacity)
        state.server = ServerState(clientThresholds: target.config.clientThresholds)
        state.contextNames = target.config.connections.keys.sorted()
        if let status {
            state.status = StatusMessage(DisplayText(sanitizing: status), kind: status.hasPrefix("cannot") ? .error : .info, now: state.now, lifetime: 8)
        }
        // `--record`, else the connection's `record =`. After a `:ctx` switch the new connection gets a
        // file of its own: its `record =`, or `--record`'s name with the time in it (the first one exists).
        let recordPath = display.record ?? target.record
        // Every change is written to the audit log; if it cannot be opened, changes are refused.
        var auditLog: AuditLog?
        do { auditLog = try AuditLog(path: display.auditLog ?? target.config.auditLogPath) } catch {
            state.status = StatusMessage("\(error): changes are refused", kind: .error, now: state.now, lifetime: 15)
        }
        return AppRuntime(
            state: state, connections: nodes.connections, frameSink: { terminal.draw($0) },
            inputAnswered: { terminal.inputAnswered() }, scanPolicy: target.config.scanPolicy, delimiter: target.config.delimiterByte, auditLog: auditLog,
            mutationLimits: MutationLimits(keysPerSecond: target.config.bulkKeysPerSecond, undoBudgetBytes: target.config.undoBudgetBytes),
            cluster: nodes.cluster, readFromReplicas: target.config.readFromReplicas, sentinel: nodes.sentinel,
            recordPath: recordPath, cachescopeVersion: Cachescope.version)
    }
}

/// What the title bar names: the context, or (Sentinel mode, a group chosen at the start) the group.
private func label(_ target: ResolvedTarget, _ nodes: SessionNodes) -> String {
    guard let overview = nodes.sentinelOverview, target.label.hasPrefix("sentinel via ") else { return target.label }
    return "\(overview.masterName) via \(overview.answeredBy)"
}

/// The runtime that currently owns the screen; terminal events go to it. Events that come
/// before the first runtime (keys typed while the program starts) wait for it, in order.
private final class CurrentRuntime: Sendable {
    private struct State {
        var runtime: AppRuntime?
        var waiting: [AppMessage] = []
    }

    private let state = Mutex(State())

    func set(_ value: AppRuntime) {
        state.withLock { state in
            state.runtime = value
            for message in state.waiting { value.send(message) }
            state.waiting = []
        }
    }

    func send(_ message: AppMessage) {
        state.withLock { state in
            if let runtime = state.runtime { runtime.send(message) } else { state.waiting.append(message) }
        }
    }
}
