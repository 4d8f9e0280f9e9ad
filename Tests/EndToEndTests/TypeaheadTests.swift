import Foundation
import Testing

/// Keys typed the moment the program starts (before its first frame) are kept and acted on in
/// order, as vim and Python's curses keep them.
@Suite("Keys typed before the first frame", .timeLimit(.minutes(2)))
struct TypeaheadTests {
    @Test("4 then 2 typed as the demo starts: the Keys pane opens once the dashboard is up")
    func keysBeforeFirstFrame() async throws {
        let demo = try DemoSession()
        defer { demo.end() }
        let session = demo.tmux
        try session.sendKeys("4")
        try session.sendKeys("2")
        // The demo starts a server and fills it before the terminal is taken: nothing is drawn yet.
        let early = try session.capture()
        #expect(!early.contains("1 Overview"), "the keys must be typed before the first frame; the screen was:\n\(early)")

        let screen = try await session.waitFor(allOf: ["keys indexed", "┏ Keyspace"], timeout: .seconds(30))
        #expect(!screen.contains("┏ Nodes"), "the dashboard stayed on the Overview")
    }
}
