import Foundation
import Synchronization

/// This process' resident memory, read from `/proc/self/status`: now, and sampled in the
/// background so a benchmark sees the peak of a phase rather than of the whole process.
enum ProcessMemory {
    /// VmRSS and VmHWM of this process in bytes.
    static func status() -> (rss: Int, hwm: Int) {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
        func field(_ name: String) -> Int {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
            return (Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "0") ?? 0) * 1024
        }
        return (field("VmRSS"), field("VmHWM"))
    }

    /// Resident bytes now, from `/proc/self/statm` (cheaper than `status`, for sampling).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let pages = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

/// The process' peak RSS, sampled on its own thread every `interval` until ``finish()``: the peak
/// of a phase, not of the process' whole life.
final class RSSSampler: Sendable {
    private let peak = Atomic<Int>(0)
    private let count = Atomic<Int>(0)
    private let stopped = Flag()

    /// Starts sampling at once.
    init(every interval: Duration = .milliseconds(50)) {
        peak.store(ProcessMemory.residentBytes(), ordering: .relaxed)
        let microseconds = useconds_t(interval.seconds * 1e6)
        Thread { [self] in
            while !stopped.value.load(ordering: .relaxed) {
                peak.raise(to: ProcessMemory.residentBytes())
                count.add(1, ordering: .relaxed)
                usleep(microseconds)
            }
        }.start()
    }

    /// Samples taken so far.
    var samples: Int { count.load(ordering: .relaxed) }

    /// Stops sampling; the largest RSS seen, bytes.
    func finish() -> Int {
        stopped.value.store(true, ordering: .relaxed)
        peak.raise(to: ProcessMemory.residentBytes())
        return peak.load(ordering: .relaxed)
    }
}

extension Atomic where Value == Int {
    /// Raises the stored value to `value` if it is larger.
    func raise(to value: Int) {
        var current = load(ordering: .relaxed)
        while value > current {
            let (exchanged, original) = compareExchange(expected: current, desired: value, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }
}
