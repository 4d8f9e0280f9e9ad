import Foundation
import Testing

/// A terminal with nothing to do sleeps: the terminal thread waits in poll(), never spins.
@Suite("Idle CPU", .timeLimit(.minutes(1)))
struct IdleCPUTests {
    @Test("the smoke test uses at most 0.05 s of CPU over 5 s without input")
    func idleUsesNoCPU() async throws {
        let session = try TmuxSession(command: try TerminalLifecycleTests.smokeCommand())
        defer { session.kill() }
        try await session.waitFor(text: "cachescope smoke")

        let shell = try #require(Int32(try session.display("#{pane_pid}")))
        let program = try await ProcessProbe.waitForChild(of: shell)
        // Let start-up work (first frame, runtime warm-up) finish before measuring.
        try await Task.sleep(for: .milliseconds(500))
        let before = try ProcessProbe.cpuSeconds(of: program)
        try await Task.sleep(for: .seconds(5))
        let after = try ProcessProbe.cpuSeconds(of: program)
        #expect(after - before <= 0.05, "used \(after - before) s of CPU while idle")

        try session.sendKeys("q")
        try await session.waitFor(text: "EXITED:0")
    }
}
