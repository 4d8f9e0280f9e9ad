import Foundation
import Inspector
import TerminalUI
import Testing

@testable import AppCore

@Suite struct ServerViewTests {
    static func snapshot() -> ServerSnapshot {
        ServerSnapshot(
            slowlog: [
                SlowlogEntry(
                    id: 41, time: 1_700_000_000, durationMicroseconds: 30_512, arguments: [Array("DEBUG".utf8), Array("SLEEP".utf8), Array("0.03".utf8)], clientAddress: "127.0.0.1:50112",
                    clientName: Array("web-1".utf8)),
                SlowlogEntry(id: 42, time: 1_700_000_010, durationMicroseconds: 120, arguments: [Array("GET".utf8), Array("user:\u{1b}[2J".utf8)], clientAddress: "127.0.0.1:50113"),
            ],
            clients: [
                ClientInfo(id: 5, address: "127.0.0.1:50112", name: Array("web-1".utf8), ageSeconds: 100, idleSeconds: 2, database: 0, lastCommand: "debug", flags: "N"),
                ClientInfo(id: 6, address: "127.0.0.1:50113", name: Array("cachescope".utf8), ageSeconds: 50, idleSeconds: 0, database: 0, lastCommand: "client|list", flags: "N"),
            ],
            latency: [LatencyEvent(event: "command", latestTime: 1_700_000_000, latestMilliseconds: 30, maxMilliseconds: 120)])
    }

    static func state() -> AppState {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 2)
        state.wallMilliseconds = 1_700_000_020_000
        let effects = AppUpdate.update(&state, .terminal(.key(.character("5"))))
        #expect(effects == [.pollServer(node: 0)])
        _ = AppUpdate.update(&state, .serverSnapshotLoaded(node: 0, result: .success(snapshot())))
        return state
    }

    @Test func showsSlowlogClientsCommandsAndLatency() {
        let state = Self.state()
        let screen = AppView.render(state).text
        if ProcessInfo.processInfo.environment["SHOW_SCREEN"] != nil { print(screen) }
        #expect(screen.contains("Slow log"))
        #expect(screen.contains("DEBUG SLEEP 0.03"))
        #expect(screen.contains("30.5ms"))
        #expect(screen.contains("web-1"))
        #expect(screen.contains("client|list"))
        #expect(screen.contains("Latency"))
        #expect(screen.contains("120ms"))
        #expect(screen.contains("Commands"))
        // Hostile bytes in a slowlog argument are escaped, never raw.
        #expect(screen.contains("user:\\x1b[2J"))
        #expect(!AppView.render(state).cells.contains { $0.symbol.unicodeScalars.contains { $0.value == 0x1b } })
    }

    @Test func commandStatsComeFromTheOverviewSample() {
        var state = Self.state()
        var info = StateFactory.info(hits: 1, misses: 1, commands: 10)
        info = InfoSnapshot(
            parsing:
                "# Stats\r\ntotal_commands_processed:10\r\n# Commandstats\r\ncmdstat_get:calls=1234,usec=5000,usec_per_call=4.05,rejected_calls=0,failed_calls=0\r\ncmdstat_zincrby:calls=7,usec=70,usec_per_call=10.00,rejected_calls=0,failed_calls=2\r\n"
        )
        _ = AppUpdate.update(&state, .sampled(node: 0, outcome: .sample(NodeSample(time: 3, latency: 0.001, info: info))))
        let screen = AppView.render(state).text
        #expect(screen.contains("zincrby"))
        #expect(screen.contains("1.23k"))
        #expect(screen.contains("4.05µs"))
    }

    @Test func arrowsSwitchSectionAndSCyclesSort() {
        var state = Self.state()
        #expect(state.server.section == .slowlog)
        _ = AppUpdate.update(&state, .terminal(.key(.right)))
        #expect(state.server.section == .latency)
        _ = AppUpdate.update(&state, .terminal(.key(.left)))
        _ = AppUpdate.update(&state, .terminal(.key(.left)))
        #expect(state.server.section == .commands)
        _ = AppUpdate.update(&state, .terminal(.key(.left)))
        #expect(state.server.section == .clients)
        #expect(state.server.sortIndex(.clients) == 0)
        #expect(ServerRows.clients(state.server).map(\.id) == [5, 6])  // most idle first
        _ = AppUpdate.update(&state, .terminal(.key(.character("s"))))
        #expect(state.server.sortIndex(.clients) == 1)
        #expect(AppView.render(state).text.contains("by age"))
        _ = AppUpdate.update(&state, .terminal(.key(.character("s"))))
        #expect(ServerRows.clients(state.server).map(\.id) == [5, 6])
        // Slowlog by duration: the 30 ms DEBUG before the newer GET.
        #expect(ServerRows.slowlog(state.server).map(\.id) == [42, 41])
        state.server.sort[.slowlog] = 1
        #expect(ServerRows.slowlog(state.server).map(\.id) == [41, 42])
    }

    @Test func pollingRunsOnlyWhileVisible() {
        var state = Self.state()
        #expect(AppUpdate.update(&state, .terminal(.key(.character("1")))) == [.stopServerPolling])
        #expect(AppUpdate.update(&state, .terminal(.key(.character("5")))) == [.pollServer(node: 0)])
        #expect(AppUpdate.update(&state, .terminal(.key(.character("5")))) == [])
    }

    @Test func narrowTerminalShowsTheFocusedSection() {
        var state = Self.state()
        _ = AppUpdate.update(&state, .terminal(.resize(width: 80, height: 24)))
        _ = AppUpdate.update(&state, .terminal(.key(.right)))
        _ = AppUpdate.update(&state, .terminal(.key(.right)))
        let screen = AppView.render(state).text
        #expect(screen.contains("Clients"))
        #expect(!screen.contains("Slow log"))
    }
}
