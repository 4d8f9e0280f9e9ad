import Foundation
import TerminalUI
import Testing

@testable import AppCore
@testable import Inspector

/// The keys pane past the index budget with the walk's per-prefix counters: exact folder counts
/// once the walk completes, and an `other` row for the folders the counters folded.
@Suite struct KeysOtherRowTests {
    /// The factory's world held as a 25% sample (plus `t50:x`), and counters that saw 400 `user:`
    /// keys, 80 `session:` keys, `board`, `config` and 100 one-key tail folders, 16 prefixes at most.
    static func update(phase: ScanProgress.Phase, visited: Double) -> (KeyspaceScanUpdate, PrefixCounter) {
        var counter = PrefixCounter(delimiter: UInt8(ascii: ":"), depth: 1, capacity: 16)
        let names = ["board", "config"] + (0..<400).map { "user:\($0)" } + (0..<80).map { "session:\($0)" } + (0..<100).map { "t\($0):x" }
        for name in names { Array(name.utf8).withUnsafeBytes { counter.count($0) } }
        var progress = ScanProgress()
        progress.phase = phase
        progress.visitedFraction = visited
        progress.sampleRate = 0.25
        let index = KeyspaceFactory.index(KeyspaceFactory.world + [("t50:x", .string, .persistent, 40)])
        let view = KeyspaceView(index: index, sampleRate: 0.25, prefixCounter: counter)
        return (KeyspaceScanUpdate(view: view, progress: progress, generation: 1), counter)
    }

    @Test("after the walk: held folders show their exact count, folded ones are gone into an exact other row")
    func finished() throws {
        let (update, counter) = Self.update(phase: .finished, visited: 1)
        let state = KeysEstimateTests.pane(update)
        let folded = counter.folded(under: [])
        #expect(folded > 0 && !counter.holds(Array("t50:".utf8)))
        let rows = KeyspaceFactory.rowNames(state.keys)
        #expect(rows.last == "other=\(folded)")
        #expect(!rows.contains("t50:"), "a folded folder is in other, not listed")
        #expect(rows.contains("user:") && rows.contains("session:"))
        let screen = AppView.render(state).text
        if ProcessInfo.processInfo.environment["SHOW_SCREEN"] != nil { print(screen) }
        let user = KeysEstimateTests.row(screen, "user:")
        #expect(user.contains(" 400 ") && !user.contains("~400"), "exact count: \(user)")
        #expect(user.contains("~"), "memory stays an estimate: \(user)")
        let other = try #require(screen.split(separator: "\n").first { $0.contains("other (smaller folders)") })
        #expect(other.contains(" \(folded) "), "exact count: \(other)")
        // The sample holds one folded folder's key, t50:x (40 B, no TTL), at 1/4: ~160 B, ~4 without TTL.
        #expect(other.contains("~160B") && other.hasSuffix("~4┃"), "memory and TTL from the sample: \(other)")
        #expect(screen.contains(" 582 keys"), "the total is every name counted")
    }

    @Test("mid-walk the other row is weighed up by the share walked, with its margin")
    func midWalk() throws {
        let (update, _) = Self.update(phase: .scanning, visited: 0.5)
        let state = KeysEstimateTests.pane(update)
        let screen = AppView.render(state).text
        let other = try #require(screen.split(separator: "\n").first { $0.contains("other (smaller folders)") })
        #expect(other.contains("~") && other.contains("±"), "\(other)")
        #expect(KeysEstimateTests.row(screen, "user:").contains("~"), "counts stay estimates before the end")
    }

    @Test("Enter on the other row says how to see its keys, and starts nothing")
    func enterOnOther() throws {
        let (update, _) = Self.update(phase: .finished, visited: 1)
        var state = KeysEstimateTests.pane(update)
        let rows = KeyspaceFactory.rowNames(state.keys)
        state.keys.table.select(rows.count - 1, count: rows.count)
        #expect(state.press(.enter).isEmpty)
        #expect(state.status?.text.description.contains("smaller folders, counted together") == true)
    }
}
