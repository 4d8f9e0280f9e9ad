import AppCore
import Foundation
import Inspector
import NcursesBackend
import RedisClient
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
        let keymap: Keymap
        do { keymap = try DefaultKeymap.make(readOnly: target.readOnly, overrides: target.config.keyOverrides) } catch {
            FileHandle.standardError.write(Data("cachescope: config [keys]: \(error)\n".utf8))
            return 2
        }
        var connections = target.options.map { ManagedConnection(options: $0) }
        var addresses = target.options.map { "\($0.endpoint)" }
        var cluster: ClusterClient?
        var overview: ClusterOverview?
        if let seeds = await ClusterSessionSetup.clusterSeeds(target) {
            // Cluster mode: every node the topology lists (primaries and replicas) is a node of the overview.
            let client = ClusterClient(seeds: seeds)
            do {
                let topology = try await client.connect()
                connections = []
                addresses = []
                for node in topology.nodes {
                    connections.append(ManagedConnection(options: await client.connectionOptions(for: node.endpoint)))
                    addresses.append("\(node.endpoint)")
                }
                overview = ClusterOverview(topology)
                cluster = client
            } catch {
                await client.close()
                FileHandle.standardError.write(Data("cachescope: cluster discovery failed: \(error)\n".utf8))
                return 1
            }
        }
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal.start(colorPreference: display.noColor ? .noColor : .automatic)
        } catch {
            FileHandle.standardError.write(Data("cachescope: \(error)\n".utf8))
            return 1
        }
        defer { terminal.stop() }
        let size = terminal.size
        var state = AppState(
            addresses: addresses, alertRules: target.config.alertRules, readOnly: target.readOnly,
            insecureTLS: target.insecureTLS, theme: loadedTheme.theme, themeName: themeName, colorSupport: terminal.colorSupport,
            unicode: terminal.unicode, keymap: keymap, width: size.width, height: size.height, now: MonotonicClock.now(),
            interval: display.interval ?? target.config.interval, connectionLabel: target.label
        )
        state.cluster = overview
        if !loadedTheme.fellBack.isEmpty || extraStatus != nil {
            let text = extraStatus ?? "theme \(themeName): default used for \(loadedTheme.fellBack.joined(separator: ", "))"
            state.status = StatusMessage(text, now: state.now, lifetime: 8)
        }
        // Every change is written to the audit log; if it cannot be opened, changes are refused.
        var auditLog: AuditLog?
        do { auditLog = try AuditLog(path: display.auditLog ?? target.config.auditLogPath) } catch {
            state.status = StatusMessage("\(error): changes are refused", kind: .error, now: state.now, lifetime: 15)
        }
        let runtime = AppRuntime(state: state, connections: connections, frameSink: { terminal.draw($0) }, auditLog: auditLog,
            mutationLimits: AppRuntime.MutationLimits(keysPerSecond: target.config.bulkKeysPerSecond, undoBudgetBytes: target.config.undoBudgetBytes),
            cluster: cluster)
        terminal.onSignal { _ in runtime.send(.terminal(.key(.control("c")))) }
        let forwarder = Task.detached {
            for await event in terminal.events { runtime.send(.terminal(event)) }
            // The terminal went away (a signal): leave as if the user quit.
            runtime.send(.terminal(.key(.control("c"))))
        }
        await runtime.run()
        forwarder.cancel()
        return 0
    }
}
