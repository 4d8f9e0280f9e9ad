import Foundation

/// The release `cachescope` binary running in its own tmux server (160x48), as a person runs it:
/// keys are sent with `tmux send-keys`, the screen read with `capture-pane` (both through one
/// control-mode client, ``TmuxControlClient``), and the process' resources read from `/proc/PID`.
final class SoakDashboard: Sendable {
    let session: String
    let pid: Int32
    private let control: TmuxControlClient

    /// What one `/proc` reading of the dashboard process says.
    struct Resources: Sendable {
        var rss: Int
        var cpuSeconds: Double
        var descriptors: DescriptorCensus
        var threads: Int
    }

    private init(session: String, pid: Int32, control: TmuxControlClient) {
        self.session = session
        self.pid = pid
        self.control = control
    }

    /// Starts `binary arguments` in a new tmux server named after this process.
    static func start(binary: String, arguments: [String]) async throws -> SoakDashboard {
        let session = "cachescope-soak-\(getpid())"
        let command = ([binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
        // Through the shell with output to /dev/null: a pipe would stay open as long as the tmux server lives.
        _ = system("tmux -L \(session) -f /dev/null new-session -d -s \(session) -x 160 -y 48 \"exec \(command)\" >/dev/null 2>&1")
        try await Task.sleep(for: .seconds(1))
        do {
            let pidText = run(["-L", session, "display", "-p", "-t", session, "#{pane_pid}"])
            guard let pid = Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw SoakError("the dashboard did not start in tmux (\(pidText))")
            }
            return SoakDashboard(session: session, pid: pid, control: try TmuxControlClient(socket: session, session: session))
        } catch {
            // Nothing is left running when the start fails: the caller has no dashboard to stop.
            _ = run(["-L", session, "kill-server"])
            throw error
        }
    }

    /// Ends the tmux server (and the dashboard in it).
    func stop() {
        _ = Self.run(["-L", session, "kill-server"])
        control.close()
    }

    /// The screen as text ("" when tmux cannot say).
    func screen() -> String { ((try? control.command("capture-pane -p -t \(session)")) ?? []).joined(separator: "\n") }

    /// Types `text` literally.
    func type(_ text: String) { _ = try? control.command("send-keys -t \(session) -l \(TmuxControlClient.quoted(text))") }

    /// Presses a named key (`Enter`, `Escape`).
    func press(_ key: String) { _ = try? control.command("send-keys -t \(session) \(key)") }

    /// Polls the screen until `condition` holds; the seconds it took, nil after `timeout`.
    func waitFor(timeout: Double, _ condition: (String) -> Bool) -> Double? {
        let start = ContinuousClock.now
        while (ContinuousClock.now - start).seconds < timeout {
            if condition(screen()) { return (ContinuousClock.now - start).seconds }
            usleep(2000)
        }
        return nil
    }

    /// Keypress → frame: opens the help overlay and closes it again; the two latencies in
    /// seconds (`timeout` for one that never showed).
    func probe(timeout: Double = 5) -> [Double] {
        type("?")
        let open = waitFor(timeout: timeout) { $0.contains("Help:") } ?? timeout
        press("Escape")
        let close = waitFor(timeout: timeout) { !$0.contains("Help:") } ?? timeout
        return [open, close]
    }

    /// RSS, CPU, descriptors (connections apart) and threads of the dashboard process.
    func resources() -> Resources {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
            return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "0") ?? 0
        }
        return Resources(
            rss: field("VmRSS") * 1024, cpuSeconds: (try? OverviewBenchmark.cpuSeconds(pid)) ?? 0, descriptors: DescriptorCensus.of(pid),
            threads: field("Threads"))
    }

    /// Each of the dashboard's threads: its name, state, the kernel function it waits in and the
    /// system call it is in (`/proc/PID/task/*`), so a screen that stopped changing says whether
    /// the process was blocked (a write to the terminal, a lock) or busy.
    func threadStates() -> String {
        let before = threadTicks()
        sleep(1)
        let after = threadTicks()
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.sorted().map { task in
            func read(_ name: String) -> String {
                ((try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/\(name)", encoding: .utf8)) ?? "?")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let state = read("stat").split(separator: ")").last?.split(separator: " ").first ?? "?"
            let call = read("syscall").split(separator: " ").first ?? "?"
            let busy = (after[task] ?? 0) - (before[task] ?? 0)
            return "thread \(task) \(read("comm")): state \(state), waits in \(read("wchan")), syscall \(call), CPU \(busy) ticks in the last second"
        }.joined(separator: "\n")
    }

    /// Each thread's CPU time (user + system, clock ticks) by thread id.
    private func threadTicks() -> [String: Int] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        var ticks: [String: Int] = [:]
        for task in tasks {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8),
                let fields = stat.split(separator: ")").last?.split(separator: " "), fields.count > 12
            else { continue }
            // After the name: state is field 3 of stat, utime 14 and stime 15.
            ticks[task] = (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
        }
        return ticks
    }

    /// Every thread's stack, when gdb is installed: where a dashboard that stopped drawing is.
    func threadStacks() -> String {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/gdb") else { return "(no gdb: stacks not taken)" }
        return Self.output(of: "/usr/bin/gdb", ["-p", "\(pid)", "-batch", "-ex", "thread apply all bt 25"]) ?? "(gdb did not start)"
    }

    /// The process's timers as the kernel holds them (`timerfd` descriptors and their next expiry):
    /// whether anything is due to wake the process at all.
    func timers() -> String {
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
        return descriptors.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }.compactMap { fd in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(fd)"),
                target.contains("timerfd")
            else { return nil }
            let info = (try? String(contentsOfFile: "/proc/\(pid)/fdinfo/\(fd)", encoding: .utf8)) ?? ""
            let fields = info.split(separator: "\n").filter { $0.hasPrefix("clockid") || $0.hasPrefix("ticks") || $0.hasPrefix("it_value") }
            return "timerfd \(fd): " + fields.joined(separator: ", ")
        }.joined(separator: "\n")
    }

    /// Every system call the dashboard's threads make in 3–4 s, when strace is installed: whether the
    /// second's tick still runs (a futex wake, a write to the wake pipe) or only timers cycle.
    func systemCalls() -> String {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else { return "(no strace: calls not traced)" }
        let trace = Self.output(of: "/usr/bin/timeout", ["-k", "1", "-s", "INT", "3", "/usr/bin/strace", "-f", "-tt", "-p", "\(pid)", "-o", "/dev/stdout"]) ?? ""
        let lines = trace.split(separator: "\n")
        // strace, busy writing, may outlive its SIGINT: `timeout -k` ends it a second later.
        return "\(lines.count) system calls in 3–4 s:\n" + lines.prefix(120).joined(separator: "\n")
    }

    /// After a screen that stopped changing: the terminal thread alone woken (SIGWINCH writes to
    /// its wake pipe; the size is unchanged, so nothing reaches the runtime), the screen read 2 s
    /// later and compared. A screen that moves says the runtime had drawn frames the terminal
    /// thread was never woken for; one that stays says the runtime itself had stopped.
    func screenAfterTerminalWake() -> String {
        let before = screenThroughNewClient()
        kill(pid, SIGWINCH)
        sleep(2)
        let after = screenThroughNewClient()
        return "\(after == before ? "unchanged" : "CHANGED") 2 s after SIGWINCH alone:\n\(after)"
    }

    /// After a screen that stopped changing: a key pressed, and the screen read 3 s and 10 s later.
    /// A key that draws one frame and nothing after says the timers stopped; a screen that keeps
    /// moving says the key's work woke a runtime that had stopped running its queue.
    func screensAfterKey(_ key: String) -> String {
        type(key)
        sleep(3)
        let soon = screenThroughNewClient()
        sleep(7)
        return "3 s after:\n\(soon)\n10 s after:\n\(screenThroughNewClient())"
    }

    /// The screen as a new tmux client reads it, apart from the control-mode client.
    func screenThroughNewClient() -> String { Self.run(["-L", session, "capture-pane", "-p", "-t", session]) }

    /// Whether the dashboard process still runs.
    var isRunning: Bool { kill(pid, 0) == 0 }

    /// Runs tmux with `arguments` and returns what it printed.
    private static func run(_ arguments: [String]) -> String { output(of: "/usr/bin/tmux", arguments) ?? "" }

    /// Runs `executable` with `arguments` and returns what it printed on standard output; nil
    /// when it did not start.
    private static func output(of executable: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A soak that cannot go on.
struct SoakError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
