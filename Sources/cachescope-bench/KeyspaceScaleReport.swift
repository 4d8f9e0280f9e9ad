import Foundation
import Inspector

/// The tables of the keys-at-scale benchmark: each walk's figures with the goal beside each, its
/// estimates against the exact figures at every kept moment, the dashboard's keypress → frame,
/// and the folders one by one.
struct KeyspaceScaleReport {
    /// The issue's goals at this size.
    struct Goals {
        var firstPicture: Double
        var peakRSS: Int
        var error = 0.02
        var coverage = 0.95
        var cpuOverFloor = 1.5
        var frame = 0.05

        init(total: Int) {
            let big = total > 20_000_000
            firstPicture = big ? 5 : 3
            peakRSS = (big ? 200 : 150) << 20
        }
    }

    /// How the estimates of the folders holding ≥ 1% of the keys compare with the exact figures.
    struct Accuracy {
        var folders = 0
        var maxKeysError = 0.0
        var maxMemoryError = 0.0
        var keysInside = 0
        var memoryInside = 0
        var withoutTTLInside = 0
        var memoryMissing = 0
    }

    let total: Int
    let small: Bool
    let truths: [[UInt8]: ScaleFill.Truth]
    let bare: (seconds: Double, serverCPU: Double, keys: Int)
    /// Commands over 5 ms during the bare SCAN walk: the machine's own noise (a server descheduled mid-command).
    let bareSlowCommands: Int
    let exact: (seconds: Double, keys: Int, memory: Double)
    let app: KeyspaceResponsiveness.Result
    let goals: Goals

    /// The folders holding at least `share` of the keys (or less, with `below`), largest first.
    func folders(share: Double = 0.01, below: Bool = false) -> [[UInt8]] {
        truths.filter { (Double($0.value.keys) >= share * Double(total)) != below }.sorted { truths[$0.key]!.keys > truths[$1.key]!.keys }.map(\.key)
    }

    func accuracy(_ checkpoint: ScaleScanRun.Checkpoint, folders: [[UInt8]]) -> Accuracy {
        var result = Accuracy()
        for folder in folders {
            guard let truth = truths[folder], let figures = checkpoint.figures[folder] else { continue }
            result.folders += 1
            result.maxKeysError = max(result.maxKeysError, abs(figures.keys.value / Double(truth.keys) - 1))
            if figures.keys.covers(Double(truth.keys)) { result.keysInside += 1 }
            if let memory = figures.memory {
                result.maxMemoryError = max(result.maxMemoryError, abs(memory.value / truth.memory - 1))
                if memory.covers(truth.memory) { result.memoryInside += 1 }
            } else {
                result.memoryMissing += 1
            }
            if let withoutTTL = figures.withoutTTL, withoutTTL.covers(Double(truth.withoutTTL)) { result.withoutTTLInside += 1 }
        }
        return result
    }

    static func row(_ what: String, _ value: String, _ goal: String, _ ok: Bool?) -> String {
        let verdict = ok.map { $0 ? "ok" : "MISSED" } ?? ""
        return what.padding(toLength: max(58, what.count + 1), withPad: " ", startingAt: 0) + value.padding(toLength: max(26, value.count + 1), withPad: " ", startingAt: 0)
            + goal.padding(toLength: 12, withPad: " ", startingAt: 0) + verdict
    }

    static func percent(_ x: Double) -> String { String(format: "%.2f%%", x * 100) }
    static func mib(_ bytes: Int) -> String { String(format: "%.0f MiB", Double(bytes) / 1_048_576) }

    /// One walk: the summary table, then every kept moment.
    func print(_ run: ScaleScanRun.Result, title: String) {
        let big = folders()
        let row = Self.row
        Swift.print("\nKeys at scale — \(total) keys (\(small ? "small values" : "mixed cache shapes")), walk under the \(title)")
        Swift.print(row("measure", "value", "goal", nil))
        let first = run.firstPicture ?? -1
        Swift.print(row("first picture: first update with estimates", String(format: "%.2f s", first), "≤ \(Int(goals.firstPicture)) s", first >= 0 && first <= goals.firstPicture))
        if let firstPoint = run.checkpoints.first {
            let floor = bare.serverCPU * firstPoint.visited
            Swift.print(
                row(
                    "  server CPU to it / bare SCAN of that share", String(format: "%.3f / %.4f s", firstPoint.serverCPU, floor),
                    "", nil))
            let ratio = floor > 0 ? firstPoint.serverCPU / floor : .infinity
            Swift.print(row("  … ratio (visited \(Self.percent(firstPoint.visited)))", String(format: "%.1f×", ratio), "≤ 1.5×", ratio <= goals.cpuOverFloor))
        }
        let end = run.checkpoints.last
        if let end {
            let a = accuracy(end, folders: big)
            Swift.print(
                row(
                    "\(end.label) (\(String(format: "%.0f s", end.elapsed))), \(a.folders) folders ≥ 1% of keys: keys error max", Self.percent(a.maxKeysError), "±2%",
                    a.maxKeysError <= goals.error))
            Swift.print(row("  memory error max", Self.percent(a.maxMemoryError), "±2%", a.maxMemoryError <= goals.error && a.memoryMissing == 0))
            let cpuRatio = end.serverCPU / max(1e-9, bare.serverCPU * end.visited)
            Swift.print(row("  server CPU of the walk / bare SCAN of that share", String(format: "%.1f s / %.1f s = %.1f×", end.serverCPU, bare.serverCPU * end.visited, cpuRatio), "", nil))
        }
        var inside = 0
        var figures = 0
        for checkpoint in run.checkpoints {
            let a = accuracy(checkpoint, folders: big)
            inside += a.keysInside + a.memoryInside
            figures += 2 * a.folders
        }
        let coverage = figures > 0 ? Double(inside) / Double(figures) : 0
        Swift.print(row("truth inside the 95% interval (keys+memory, all moments)", "\(inside) / \(figures) = \(Self.percent(coverage))", "≥ 95%", coverage >= goals.coverage))
        if let end {
            let tail = folders(below: true)
            let a = accuracy(end, folders: tail)
            Swift.print(row("  small folders (< 1%) at the \(end.label): keys inside", "\(a.keysInside) / \(a.folders)", "", nil))
        }
        Swift.print(row("peak RSS, sampled every 100 ms (\(run.rssSamples) samples)", Self.mib(run.peakRSS), "≤ \(Self.mib(goals.peakRSS))", run.peakRSS <= goals.peakRSS))
        Swift.print(row("  RSS when the walk started (bench, before the index)", Self.mib(run.rssAtStart), "", nil))
        Swift.print(row("commands over 5 ms (SLOWLOG, slower-than 5000)", "\(run.slowCommands)", "0", run.slowCommands == 0))
        Swift.print(row("  slowest logged", run.slowest.micros > 0 ? "\(run.slowest.micros) µs" : "none over 5 ms", "", nil))
        if run.slowest.micros > 0 { Swift.print("    \(run.slowest.name)") }
        Swift.print(row("  by command", run.slowByCommand.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "), "", nil))
        Swift.print(row("  floor: over 5 ms during the bare SCAN walk", "\(bareSlowCommands)", "", nil))
        Swift.print(
            row(
                "pane listing from an update (median / max of \(run.updates))", String(format: "%.1f / %.1f ms", run.listingMedian * 1000, run.listingMax * 1000), "≤ 50 ms",
                run.listingMax <= goals.frame))
        Swift.print(row("walk \(run.finished ? "finished" : "stopped") in", String(format: "%.1f s (%d commands)", run.seconds, run.commandsSent), "", nil))
        Swift.print(row("floor: bare SCAN COUNT 1000 walk, time / server CPU", String(format: "%.1f s / %.1f s", bare.seconds, bare.serverCPU), "", nil))
        Swift.print(row("exact answer: SCAN + MEMORY USAGE pass (pipelined)", String(format: "%.1f s", exact.seconds), "", nil))

        Swift.print(
            "\n"
                + ["moment", "t", "visited", "sample", "held", "srv CPU ×floor", "keys err", "mem err", "in 95%: keys mem noTTL", "total keys", "index / RSS"].enumerated().map { Self.cell($1, $0) }
                .joined())
        for checkpoint in run.checkpoints {
            let a = accuracy(checkpoint, folders: big)
            let floor = bare.serverCPU * checkpoint.visited
            let cells = [
                checkpoint.label, String(format: "%.2f s", checkpoint.elapsed), Self.percent(checkpoint.visited),
                checkpoint.sampleRate == 1 ? "all" : String(format: "1/%.0f", 1 / checkpoint.sampleRate), "\(checkpoint.keysHeld)",
                String(format: "%.2f s %.1f×", checkpoint.serverCPU, floor > 0 ? checkpoint.serverCPU / floor : 0),
                Self.percent(a.maxKeysError), a.memoryMissing > 0 ? "\(a.memoryMissing) none" : Self.percent(a.maxMemoryError),
                "\(a.keysInside)/\(a.folders) \(a.memoryInside)/\(a.folders) \(a.withoutTTLInside)/\(a.folders)",
                Formatting.estimate(checkpoint.total.keys, Formatting.number),
                "\(Self.mib(checkpoint.indexBytes)) / \(Self.mib(checkpoint.rss))",
            ]
            Swift.print(cells.enumerated().map { Self.cell($1, $0) }.joined())
        }
        // Where the intervals missed: a shared sign across folders points at the visited share.
        for checkpoint in run.checkpoints {
            let totalError = checkpoint.total.keys.value / Double(total) - 1
            var misses: [String] = []
            for folder in big {
                guard let truth = truths[folder], let figures = checkpoint.figures[folder] else { continue }
                let keys = figures.keys
                if !keys.covers(Double(truth.keys)) {
                    misses.append(String(decoding: folder, as: UTF8.self) + String(format: " %+.2f%% (±%.2f%%)", (keys.value / Double(truth.keys) - 1) * 100, keys.relativeHalfWidth * 100))
                }
            }
            Swift.print(
                "  \(checkpoint.label): total keys \(String(format: "%+.2f%% (±%.2f%%)", totalError * 100, checkpoint.total.keys.relativeHalfWidth * 100)), "
                    + "looked up \(checkpoint.keysLookedUp); keys outside: \(misses.isEmpty ? "none" : misses.joined(separator: ", "))")
        }
    }

    /// The dashboard on the same keys.
    func printDashboard() {
        let row = Self.row
        let sorted = app.keypressLatencies.sorted()
        let median = sorted.isEmpty ? -1 : sorted[sorted.count / 2]
        let worst = sorted.last ?? -1
        Swift.print("\nThe dashboard (AppRuntime, default policy) on the same keys, ? / Esc every 100 ms while it walks")
        Swift.print(
            row(
                "first frame with estimates (\"of the keyspace visited\")", app.firstEstimateSeconds.map { String(format: "%.2f s", $0) } ?? "none", "≤ \(Int(goals.firstPicture)) s",
                (app.firstEstimateSeconds ?? 99) <= goals.firstPicture))
        Swift.print(row("keypress → frame, median", String(format: "%.1f ms", median * 1000), "≤ 50 ms", median <= goals.frame))
        Swift.print(row("  … max of \(sorted.count) keypresses", String(format: "%.1f ms", worst * 1000), "≤ 50 ms", worst <= goals.frame))
        Swift.print(row("peak RSS while the pane was open", Self.mib(app.peakRSS), "≤ \(Self.mib(goals.peakRSS))", app.peakRSS <= goals.peakRSS))
        Swift.print(row("walk \(app.finished ? "done" : "not done") after", String(format: "%.1f s", app.indexSeconds), "", nil))
        Swift.print(row("quit", String(format: "%.3f s", app.quitSeconds), "", nil))
    }

    /// The folders ≥ 1% at the end of `run`: exact against estimated, one by one.
    func printFolders(_ run: ScaleScanRun.Result) {
        guard let end = run.checkpoints.last else { return }
        Swift.print("\nFolders ≥ 1% of the keys at the \(end.label) of the default-policy walk (visited \(Self.percent(end.visited)), sample 1/\(String(format: "%.0f", 1 / end.sampleRate)))")
        Swift.print(["folder", "exact keys", "estimate ±95%", "err", "in", "exact memory", "estimate ±95%", "err", "in"].enumerated().map { Self.cell($1, $0, Self.folderWidths) }.joined())
        for folder in folders() {
            guard let truth = truths[folder], let figures = end.figures[folder] else { continue }
            let memory = figures.memory
            let cells = [
                String(decoding: folder, as: UTF8.self), "\(truth.keys)", Formatting.estimate(figures.keys, Formatting.number),
                String(format: "%+.2f%%", (figures.keys.value / Double(truth.keys) - 1) * 100), figures.keys.covers(Double(truth.keys)) ? "yes" : "NO",
                Formatting.bytes(truth.memory), memory.map { Formatting.estimate($0, Formatting.bytes) } ?? "-",
                memory.map { String(format: "%+.2f%%", ($0.value / truth.memory - 1) * 100) } ?? "-", memory?.covers(truth.memory) == true ? "yes" : "NO",
            ]
            Swift.print(cells.enumerated().map { Self.cell($1, $0, Self.folderWidths) }.joined())
        }
    }

    private static let momentWidths = [14, 9, 9, 7, 9, 14, 9, 9, 24, 16, 16]
    private static let folderWidths = [16, 11, 16, 8, 5, 13, 18, 8, 4]

    private static func cell(_ text: String, _ column: Int, _ widths: [Int] = momentWidths) -> String {
        text.padding(toLength: max(text.count + 1, widths[min(column, widths.count - 1)]), withPad: " ", startingAt: 0)
    }
}
