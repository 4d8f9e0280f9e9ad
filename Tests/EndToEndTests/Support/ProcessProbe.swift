import Foundation

/// Reads facts about a running process from /proc (Linux).
enum ProcessProbe {
    /// The direct children of `pid`.
    static func children(of pid: Int32) -> [Int32] {
        let path = "/proc/\(pid)/task/\(pid)/children"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The first child of `pid`, waiting up to `timeout` for it to appear.
    static func waitForChild(of pid: Int32, timeout: Duration = .seconds(5)) async throws -> Int32 {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if let child = children(of: pid).first { return child }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TmuxSession.Failure(description: "process \(pid) started no child within \(timeout)")
    }

    /// CPU time (user + system) `pid` has used so far, in seconds.
    static func cpuSeconds(of pid: Int32) throws -> Double {
        let text = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        // Fields after the command name, which is in parentheses and may contain spaces.
        guard let close = text.lastIndex(of: ")") else {
            throw TmuxSession.Failure(description: "unreadable /proc/\(pid)/stat")
        }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state); utime is field 14, stime field 15.
        guard fields.count > 12, let utime = Double(fields[11]), let stime = Double(fields[12]) else {
            throw TmuxSession.Failure(description: "unexpected /proc/\(pid)/stat: \(text)")
        }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (utime + stime) / ticks
    }
}

extension ProcessProbe {
    /// The resident set size of `pid` (`VmRSS`), in kilobytes.
    static func residentKilobytes(of pid: Int32) throws -> Int {
        let text = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            if let value = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) { return value }
        }
        throw TmuxSession.Failure(description: "no VmRSS in /proc/\(pid)/status")
    }
}
