import Foundation
import Inspector
import TerminalUI
import Testing

@testable import AppCore

/// The newer servers' sections of the server pane: `c` cycles the slow log box through
/// COMMANDLOG's kinds (Valkey 8.1+), and a cluster node's hot slots (CLUSTER SLOT-STATS); on
/// servers without them nothing changes. The overview names the server.
@Suite struct ServerNewerViewTests {
    static func entry(_ id: Int64, _ measure: Int64, _ command: String) -> SlowlogEntry {
        SlowlogEntry(id: id, time: 1_700_000_000, durationMicroseconds: measure, arguments: command.split(separator: " ").map { Array($0.utf8) }, clientAddress: "127.0.0.1:50112")
    }

    static func state(_ snapshot: ServerSnapshot) -> AppState {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 2)
        state.wallMilliseconds = 1_700_000_020_000
        _ = AppUpdate.update(&state, .terminal(.key(.character("5"))))
        _ = AppUpdate.update(&state, .serverSnapshotLoaded(node: 0, result: .success(snapshot)))
        return state
    }

    static func screen(_ state: AppState) -> String {
        let text = AppView.render(state).text
        if ProcessInfo.processInfo.environment["SHOW_SCREEN"] != nil { print(text) }
        return text
    }

    @Test("c: slow log, then COMMANDLOG's large requests and large replies with their sizes, then back")
    func commandLog() {
        var snapshot = ServerSnapshot(slowlog: [Self.entry(1, 30_512, "DEBUG SLEEP 0.03")])
        snapshot.commandLog = CommandLog(entries: [
            .slow: [Self.entry(1, 30_512, "DEBUG SLEEP 0.03")], .largeRequest: [Self.entry(7, 520_000, "SET page:home x")], .largeReply: [Self.entry(9, 2_097_152, "GET page:home")],
        ])
        var state = Self.state(snapshot)
        #expect(Self.screen(state).contains("Slow log · c next log"))
        state.press("c")
        var screen = Self.screen(state)
        #expect(screen.contains("Large requests (COMMANDLOG)"))
        #expect(screen.contains("SIZE"))
        #expect(screen.contains("507.8K") && screen.contains("SET page:home x"))
        state.press("c")
        screen = Self.screen(state)
        #expect(screen.contains("Large replies (COMMANDLOG)") && screen.contains("2.00M"))
        state.press("c")
        #expect(Self.screen(state).contains("DEBUG SLEEP 0.03"))
    }

    @Test("c on a server without COMMANDLOG says so and keeps the slow log")
    func noCommandLog() {
        var state = Self.state(ServerSnapshot(slowlog: [Self.entry(1, 30_512, "DEBUG SLEEP 0.03")]))
        #expect(!Self.screen(state).contains("c next log"))
        state.press("c")
        #expect(state.server.logKind == nil)
        #expect(state.status?.text.description.contains("no COMMANDLOG") == true)
    }

    @Test("hot slots in a cluster: top 20 by keys, s sorts by CPU; the section is reached with →; absent elsewhere")
    func hotSlots() {
        var snapshot = ServerSnapshot()
        snapshot.hotSlots = (0..<30).map { SlotStats(slot: 100 + $0, keyCount: Int64($0), cpuMicroseconds: Int64(1000 * (30 - $0)), networkBytesIn: 10, networkBytesOut: 2048) }
        var state = Self.state(snapshot)
        let screen = Self.screen(state)
        #expect(screen.contains("Hot slots"))
        #expect(screen.contains("20 · by keys"))
        #expect(ServerRows.hotSlots(state.server).first?.slot == 129)
        for _ in 0..<4 { state.press(.right) }
        #expect(state.server.section == .slots)
        state.press("s")
        #expect(ServerRows.hotSlots(state.server).first?.slot == 100)
        #expect(ServerRows.hotSlots(state.server).count == 20)
        var cluster = snapshot
        cluster.hotSlotOwners = Dictionary(uniqueKeysWithValues: (100..<130).map { ($0, "127.0.0.1:700\($0 % 3)") })
        let clusterScreen = Self.screen(Self.state(cluster))
        #expect(clusterScreen.contains("Hot slots · every primary"))
        #expect(clusterScreen.contains("NODE") && clusterScreen.contains("127.0.0.1:7002"))
        let plain = Self.state(ServerSnapshot())
        #expect(!Self.screen(plain).contains("Hot slots"))
        var walk = plain
        for _ in 0..<6 { walk.press(.right) }
        #expect(walk.server.section != .slots)
    }

    @Test("the overview's INFO box names the server and its own version")
    func serverName() {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 2)
        let info = InfoSnapshot(parsing: "# Server\r\nredis_version:7.2.4\r\nserver_name:valkey\r\nvalkey_version:8.1.8\r\n")
        _ = AppUpdate.update(&state, .sampled(node: 0, outcome: .sample(NodeSample(time: 3, latency: 0.001, info: info))))
        #expect(Self.screen(state).range(of: "server +valkey 8\\.1\\.8", options: .regularExpression) != nil)
    }
}
