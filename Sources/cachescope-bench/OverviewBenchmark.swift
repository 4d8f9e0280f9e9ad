import AppCore
import Foundation
import Inspector
import LocalRedis
import TerminalUI

/// The overview as the app draws it: `AppView.render` of eight nodes with ten minutes of
/// history at 200x60, plus the diff; then the release `cachescope` binary's own CPU while it
/// watches an idle redis-server at a 1 s interval (run in tmux, read from /proc).
enum OverviewBenchmark {
    static func run() async throws {
        renderTable()
        fflush(nil)
        try await idleCPU()
    }

    static func renderTable() {
        var state = AppState(addresses: (1...8).map { "10.0.0.\($0):6379" }, width: 200, height: 60)
        for t in 0..<600 {
            for i in 0..<8 {
                let lookups = Int64(t) * 1000
                let info = InfoSnapshot(
                    parsing:
                        "# Server\r\nredis_version:7.0.15\r\nrun_id:r\(i)\r\nuptime_in_seconds:\(1000 + t)\r\n# Memory\r\nused_memory:\(50_000_000 + t * 1000)\r\nmaxmemory:100000000\r\n# Stats\r\ntotal_commands_processed:\(lookups * 2)\r\nkeyspace_hits:\(lookups * 9 / 10)\r\nkeyspace_misses:\(lookups / 10)\r\nevicted_keys:\(t / 3)\r\n# Replication\r\nrole:master\r\n"
                )
                _ = AppUpdate.update(&state, .sampled(node: i, outcome: .sample(NodeSample(time: Double(t), latency: 0.0002, info: info))))
            }
        }
        var previous = AppView.render(state)
        var times: [Double] = []
        for frame in 0..<300 {
            _ = AppUpdate.update(&state, .tick(now: 600 + Double(frame) / 10, wallMilliseconds: 0))
            let t0 = DispatchTime.now().uptimeNanoseconds
            let buffer = AppView.render(state)
            let changes = buffer.diff(from: previous)
            let t1 = DispatchTime.now().uptimeNanoseconds
            previous = buffer
            precondition(changes.count >= 0)
            times.append(Double(t1 - t0) / 1e6)
        }
        times.sort()
        print(String(format: "overview render + diff, 8 nodes x 600 samples, 200x60: median %.3f ms, p99 %.3f ms (goal: median <= 1 ms)", times[times.count / 2], times[times.count * 99 / 100]))
    }

    static func idleCPU() async throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("cachescope").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("idle CPU: skipped, \(binary) is missing: build it first with `swift build -c release`")
            return
        }
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let session = "cachescope-bench-\(getpid())"
        let pidFile = NSTemporaryDirectory() + "\(session).pid"
        /// tmux through the shell, output to a file: a pipe would stay open as long as the tmux
        /// server lives.
        func tmux(_ command: String) { _ = system("tmux -L \(session) -f /dev/null \(command) >/dev/null 2>&1") }
        tmux("new-session -d -x 160 -y 48 'exec \(binary) redis://127.0.0.1:\(server.port)'")
        defer { tmux("kill-server") }
        try await Task.sleep(for: .seconds(3))
        _ = system("tmux -L \(session) display -p '#{pane_pid}' > \(pidFile) 2>/dev/null")
        guard let text = try? String(contentsOfFile: pidFile, encoding: .utf8), let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            print("idle CPU: could not find the cachescope process")
            return
        }
        let seconds = 60.0
        let before = try cpuSeconds(pid)
        try await Task.sleep(for: .seconds(seconds))
        let after = try cpuSeconds(pid)
        let percent = (after - before) / seconds * 100
        print(String(format: "idle CPU of cachescope watching one node at a 1 s interval, over %.0f s: %.3f%% of a core (goal <= 0.3%%; a Textual peer measured 0.4-0.5%%)", seconds, percent))
    }

    /// utime + stime of `pid` from /proc, in seconds.
    static func cpuSeconds(_ pid: Int32) throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        let fields = stat[stat.index(after: stat.lastIndex(of: ")")!)...].split(separator: " ")
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (Double(fields[11])! + Double(fields[12])!) / ticks
    }
}
