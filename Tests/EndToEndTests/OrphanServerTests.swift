import Foundation
import Testing

/// A dashboard killed outright (`kill -9`, the OOM killer) cannot stop its private redis-server
/// itself: the server is started with a parent-death signal, so the kernel stops it.
@Suite("Private servers die with their parent", .timeLimit(.minutes(1)))
struct OrphanServerTests {
    @Test("demo killed with SIGKILL leaves no redis-server behind")
    func killedDemo() async throws {
        let demo = try DemoSession()
        defer { demo.end() }
        let session = demo.tmux

        let shell = try #require(Int32(try session.display("#{pane_pid}")))
        let program = try await ProcessProbe.waitForChild(of: shell, timeout: .seconds(10))
        let screen = try await session.waitFor(text: "demo: private redis-server", timeout: .seconds(30))
        let server = try #require(DemoTourTests.serverPID(in: screen))
        #expect(Self.isAlive(server))

        #expect(kill(program, SIGKILL) == 0)
        try await session.waitFor(text: "EXITED:137", timeout: .seconds(10))
        var gone = false
        for _ in 0..<100 where !gone {
            gone = !Self.isAlive(server)
            if !gone { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(gone, "redis-server \(server) still runs after its dashboard was killed")
        if !gone { kill(server, SIGKILL) }
    }

    /// Running, and not a zombie waiting for a reaper.
    static func isAlive(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }
}
