import Foundation
import TerminalUI
import Testing

@testable import AppCore
@testable import Inspector

/// The keys pane while its figures are estimates: `~` and a ±95% column mid-walk, exact figures
/// once the walk ends, and a folder of a sampled index walked alone.
@Suite struct KeysEstimateTests {
    /// The factory's world published as the scanner would: at `phase`, the cursor's share `visited`,
    /// the index keeping `sampleRate` of the keys.
    static func update(phase: ScanProgress.Phase, visited: Double?, sampleRate: Double = 1) -> KeyspaceScanUpdate {
        var progress = ScanProgress()
        progress.phase = phase
        progress.visitedFraction = visited
        progress.sampleRate = sampleRate
        progress.keysIndexed = KeyspaceFactory.world.count
        let view = KeyspaceView(index: KeyspaceFactory.index(), sampleRate: sampleRate)
        return KeyspaceScanUpdate(view: view, progress: progress, generation: 1)
    }

    static func pane(_ update: KeyspaceScanUpdate) -> AppState {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        state.press("2")
        state.send(.keyspaceUpdated(node: 0, update: update))
        return state
    }

    static func row(_ screen: String, _ name: String) -> String {
        screen.split(separator: "\n").first { $0.contains("▸ \(name)") }.map(String.init) ?? ""
    }

    @Test("mid-walk: the header says how much of the keyspace is visited, folders show ~ and their ±95% margin")
    func midWalk() {
        let state = Self.pane(Self.update(phase: .scanning, visited: 0.5))
        let screen = AppView.render(state).text
        if ProcessInfo.processInfo.environment["SHOW_SCREEN"] != nil { print(screen) }
        #expect(screen.contains("scanning: 50% of the keyspace visited"))
        #expect(screen.contains("~14 ±54.1% keys"), "7 keys held at half the walk stand for about 14")
        #expect(screen.contains("±95%"))
        let user = Self.row(screen, "user:")
        #expect(user.contains("~6 "), "user: holds 3 of the keys seen: \(user)")
        #expect(user.contains("±"), "\(user)")
    }

    @Test("the walk ends: plain exact figures, no margin column")
    func finished() {
        let state = Self.pane(Self.update(phase: .finished, visited: 1))
        let screen = AppView.render(state).text
        #expect(screen.contains("7 keys indexed"))
        #expect(!screen.contains("±95%"))
        #expect(!screen.contains("~"))
        #expect(Self.row(screen, "user:").contains(" 3 "))
    }

    @Test("a cluster walked node after node shows what it has seen, not estimates, until it ends")
    func clusterWideMidWalk() {
        var keys = KeysState()
        keys.spansCluster = true
        keys.progress = Self.update(phase: .scanning, visited: 0.5).progress
        keys.view = Self.update(phase: .scanning, visited: 0.5).view
        #expect(keys.walkFraction == nil)
        #expect(!keys.showsEstimates)
    }

    @Test("a cluster mid-walk: its first picture, sampled across every shard, fills the folders with ~ and ±; the end of the walk is exact")
    func clusterPicture() {
        var state = Self.pane(Self.update(phase: .scanning, visited: 0.3))
        state.keys.spansCluster = true
        #expect(!state.keys.showsEstimates, "a walk node after node is no sample")
        // Half the world sampled: user:1 and user:2, session:a, config.
        let keys = ["user:1", "user:2", "session:a", "config"].map {
            SampledKey(key: Array($0.utf8), type: .string, withoutTTL: $0 != "session:a", memory: 100)
        }
        let estimates = KeyspaceEstimator(depth: KeyspacePicture.depth).estimate([
            KeyspaceSample(node: "127.0.0.1:7001", design: .bernoulli(fraction: 0.5), keys: keys, visitedFraction: 0.5, population: 7)
        ])
        state.send(.keyspacePictured(estimates))
        #expect(state.keys.showsEstimates)
        let screen = AppView.render(state).text
        if ProcessInfo.processInfo.environment["SHOW_SCREEN"] != nil { print(screen) }
        #expect(screen.contains("estimates from 50% sampled across every shard"))
        #expect(Self.row(screen, "user:").contains("~4 "), "\(Self.row(screen, "user:"))")
        #expect(Self.row(screen, "user:").contains("±"), "\(Self.row(screen, "user:"))")
        // The walk ends: its exact figures replace the picture.
        state.send(.keyspaceUpdated(node: 0, update: Self.update(phase: .finished, visited: 1), clusterWide: true))
        #expect(!state.keys.showsEstimates)
        #expect(Self.row(AppView.render(state).text, "user:").contains(" 3 "))
        // Outside cluster mode a picture is not taken.
        var single = Self.pane(Self.update(phase: .scanning, visited: 0.3))
        single.send(.keyspacePictured(estimates))
        #expect(single.keys.picture == nil)
    }

    @Test("a sampled index: Enter on a folder walks its prefix alone with SCAN MATCH; Esc walks everything again")
    func prefixWalk() throws {
        var state = Self.pane(Self.update(phase: .finished, visited: 1, sampleRate: 0.25))
        let screen = AppView.render(state).text
        #expect(screen.contains("the index holds a 25% sample"))
        let rows = KeyspaceFactory.rowNames(state.keys)
        let session = try #require(rows.firstIndex(of: "session:"))
        state.keys.table.select(session, count: rows.count)
        let effects = state.press(.enter)
        #expect(effects == [.startScan(node: 0, filter: KeyFilter(pattern: .prefix(Array("session:".utf8))))])
        #expect(state.keys.prefixScan == Array("session:".utf8))
        #expect(state.keys.expanded.contains(Array("session:".utf8)))
        #expect(state.keys.progress.phase == .scanning)
        #expect(state.status?.text.description.contains("walking session:* alone") == true)
        #expect(AppView.render(state).text.contains("walking session:* alone (Esc: all)"))
        // A rescan keeps to the prefix.
        #expect(state.press("r") == [.startScan(node: 0, filter: KeyFilter(pattern: .prefix(Array("session:".utf8))))])
        #expect(state.press(.escape) == [.startScan(node: 0, filter: .all)])
        #expect(state.keys.prefixScan == nil)
    }

    @Test("keys counted but not looked up are looked up when they come on screen, each once")
    func lookUpOnScreen() throws {
        var index = KeyspaceFactory.index()
        index.insert(Array("config2".utf8))  // counted, not looked up: type unknown
        var progress = ScanProgress()
        progress.phase = .finished
        progress.visitedFraction = 1
        progress.lookupRate = 0.5
        var state = AppState(addresses: ["127.0.0.1:7001"])
        state.press("2")
        let effects = state.send(.keyspaceUpdated(node: 0, update: KeyspaceScanUpdate(view: KeyspaceView(index: index), progress: progress, generation: 1)))
        #expect(effects.contains(.refreshKeys(node: 0, keys: [Array("config2".utf8)])))
        // Asked once: moving over it again asks nothing more.
        #expect(state.press("j") == [])
        // With every key looked up (rate 1) nothing is asked.
        var exact = Self.pane(Self.update(phase: .finished, visited: 1))
        #expect(exact.press("j") == [])
    }

    @Test("an index holding every key opens folders in place, as before")
    func wholeIndexOpensInPlace() throws {
        var state = Self.pane(Self.update(phase: .finished, visited: 1))
        let rows = KeyspaceFactory.rowNames(state.keys)
        let user = try #require(rows.firstIndex(of: "user:") as Int?)
        state.keys.table.select(user, count: rows.count)
        #expect(state.press(.enter) == [])
        #expect(state.keys.prefixScan == nil)
        #expect(KeyspaceFactory.rowNames(state.keys).contains("1"))
    }
}
