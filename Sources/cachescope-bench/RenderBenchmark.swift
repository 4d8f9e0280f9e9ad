import Foundation
import TerminalUI

/// Render + diff of a full 200×60 dashboard frame, the way the app draws every tick: a fresh
/// buffer, tabs, four sparkline blocks with gauges, a 60-row key table, a namespace tree, hint
/// and status bars, then the diff against the previous frame. Target: median ≤ 1 ms (release).
enum RenderBenchmark {
    static let width = 200
    static let height = 60
    static let frames = 1000
    static let warmup = 50

    /// Runs the suite and prints a table.
    static func run() {
        let theme = Theme.default.resolved(for: .palette256)
        let model = DashboardModel()
        var previous = Buffer(width: width, height: height)
        var renderTimes: [Double] = []
        var diffTimes: [Double] = []
        var totalTimes: [Double] = []
        var changes = 0
        for frame in 0..<(warmup + frames) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let buffer = model.render(frame: frame, theme: theme)
            let t1 = DispatchTime.now().uptimeNanoseconds
            let diff = buffer.diff(from: previous)
            let t2 = DispatchTime.now().uptimeNanoseconds
            previous = buffer
            guard frame >= warmup else { continue }
            renderTimes.append(Double(t1 - t0) / 1e6)
            diffTimes.append(Double(t2 - t1) / 1e6)
            totalTimes.append(Double(t2 - t0) / 1e6)
            changes += diff.count
        }
        let fullRedraw = measure { _ = previous.diff(from: Buffer(width: 1, height: 1)) }
        let sanitizePlain = measureSanitizer(plain: true)
        let sanitizeHostile = measureSanitizer(plain: false)

        print("TerminalUI render benchmark (\(width)x\(height) dashboard, \(frames) frames after \(warmup) warm-up)")
        print(pad("case", 34) + pad("median", 12) + pad("p99", 12) + "notes")
        print(String(repeating: "-", count: 80))
        row("render frame", renderTimes, "60-row table, 4 sparklines, tree, bars")
        row("diff vs previous frame", diffTimes, "\(changes / frames) changed cells/frame")
        row("render + diff", totalTimes, median(totalTimes) <= 1.0 ? "target <= 1 ms: met" : "target <= 1 ms: MISSED")
        row("diff after resize (full)", fullRedraw, "\(width * height) cells")
        row("sanitize 10k plain keys", sanitizePlain, "fast path")
        row("sanitize 10k hostile keys", sanitizeHostile, "escapes, invalid UTF-8")
    }

    private static func row(_ name: String, _ samples: [Double], _ note: String) {
        print(pad(name, 34) + pad(format(median(samples)), 12) + pad(format(percentile(samples, 0.99)), 12) + note)
    }

    private static func measure(_ times: Int = 200, _ body: () -> Void) -> [Double] {
        (0..<times).map { _ in
            let t0 = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
        }
    }

    private static func measureSanitizer(plain: Bool) -> [Double] {
        let keys: [[UInt8]] = (0..<10_000).map { i in
            plain ? Array("user:\(i):session:cache-aside".utf8) : Array("user:\(i)\u{1b}[2J\u{202e}".utf8) + [0xFF, 0x0A]
        }
        var sink = 0
        let samples = measure(50) { for k in keys { sink &+= DisplayText(ServerBytes(k)).description.utf8.count } }
        if sink == 42 { print("") }  // keep the work observable
        return samples
    }

    private static func median(_ s: [Double]) -> Double { percentile(s, 0.5) }

    private static func percentile(_ s: [Double], _ p: Double) -> Double {
        guard !s.isEmpty else { return 0 }
        let sorted = s.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    private static func format(_ ms: Double) -> String {
        ms < 1 ? String(format: "%.1f µs", ms * 1000) : String(format: "%.2f ms", ms)
    }

    private static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count)
    }
}

/// Fake but realistic dashboard data: the seed's key names, types, TTLs and live metrics.
private struct DashboardModel {
    let keys: [(name: String, type: String, ttl: Int, bytes: Int)]
    let series: [[Double]]
    let tree: [TreeRow]
    let keymapHints: [KeyHint]

    init() {
        let prefixes = ["user", "session", "product", "cache:page", "rate", "lock", "leaderboard", "feed"]
        let types = ["string", "hash", "list", "set", "zset", "stream"]
        var keys: [(name: String, type: String, ttl: Int, bytes: Int)] = []
        for i in 0..<60 {
            let suffix = i % 3 == 0 ? "profile" : "data"
            let name = "\(prefixes[i % prefixes.count]):\(10_000 + i * 7):\(suffix)"
            let ttl = i % 5 == 0 ? -1 : 30 + i * 11
            keys.append((name, types[i % types.count], ttl, 120 + i * 97))
        }
        self.keys = keys
        series = (0..<4).map { (s: Int) -> [Double] in
            (0..<400).map { (i: Int) -> Double in Double((i * (13 + s) + s * 7) % 97) + 3 }
        }
        tree = (0..<30).map { i in
            TreeRow(depth: i % 3, label: "\(prefixes[i % prefixes.count]):", isExpanded: i % 3 != 2, hasChildren: i % 3 != 2, trailing: ["\(1000 + i * 37)", "\(i + 1).\(i % 10)M"])
        }
        keymapHints = [
            KeyHint(keys: "q", description: "quit"), KeyHint(keys: "?", description: "help"), KeyHint(keys: "/", description: "filter"),
            KeyHint(keys: "Enter", description: "open"), KeyHint(keys: "e", description: "expire", isDangerous: true),
            KeyHint(keys: "d", description: "delete", isDangerous: true), KeyHint(keys: "1-5", description: "panes"),
        ]
    }

    func render(frame: Int, theme: Theme) -> Buffer {
        var buffer = Buffer(area: Rect(x: 0, y: 0, width: RenderBenchmark.width, height: RenderBenchmark.height))
        buffer.setStyle(buffer.area, theme.background.patched(with: theme.text))
        let rows = Layout.vertical([.length(1), .fill(1), .length(1), .length(1)]).split(buffer.area)
        Tabs(["Overview", "Keys", "Leaderboard", "Pub/Sub", "Server"], selected: 1, theme: theme).render(in: rows[0], buffer: &buffer)

        let columns = Layout.horizontal([.length(64), .fill(1), .length(44)]).split(rows[1])
        let charts = Layout.vertical([.fill(1), .fill(1), .fill(1), .fill(1)]).split(columns[0])
        let titles: [DisplayText] = ["ops/s", "hit rate", "used memory", "evictions/s"]
        for (i, area) in charts.enumerated() {
            let data = Array(series[i][(frame % 300)..<(frame % 300 + 100)])
            let block = Block(title: titles[i], titleRight: "\(Int(data.last ?? 0))", focused: i == 0, theme: theme)
            block.render(in: area, buffer: &buffer)
            let inner = block.inner(area)
            let parts = Layout.vertical([.fill(1), .length(1)]).split(inner)
            Sparkline(data, theme: theme).render(in: parts[0], buffer: &buffer)
            Gauge(ratio: (data.last ?? 0) / 100, theme: theme).render(in: parts[1], buffer: &buffer)
        }

        let keysBlock = Block(title: "Keys", titleRight: "user:* — 60 of 1 204", focused: true, theme: theme)
        keysBlock.render(in: columns[1], buffer: &buffer)
        let tableRows = keys.enumerated().map { i, key in
            Table.Row(
                [
                    Line(DisplayText(sanitizing: key.name)),
                    Line("\(key.type)", style: theme.style(forRedisType: key.type)),
                    key.ttl < 0 ? "-" : "\(max(0, key.ttl - frame % 30))s",
                    "\(key.bytes) B",
                ], style: i % 2 == 0 ? .plain : theme.muted)
        }
        var tableState = TableState(selected: frame % 60)
        Table(
            rows: tableRows, widths: [.fill(1), .length(7), .length(7), .length(9)],
            header: Table.Row(["KEY", "TYPE", "TTL", "MEMORY"]), alignments: [.left, .left, .right, .right],
            headerStyle: theme.title, highlightStyle: theme.selection, highlightSymbol: "▶ "
        ).render(in: keysBlock.inner(columns[1]), buffer: &buffer, state: &tableState)

        let treeBlock = Block(title: "Namespaces", theme: theme)
        treeBlock.render(in: columns[2], buffer: &buffer)
        var treeState = ListState(selected: 4)
        TreeView(tree, trailingStyle: theme.muted, markerStyle: theme.accent, highlightStyle: theme.selection)
            .render(in: treeBlock.inner(columns[2]), buffer: &buffer, state: &treeState)

        HintBar(keymapHints, theme: theme).render(in: rows[2], buffer: &buffer)
        StatusBar(
            left: [Span("127.0.0.1:6379", style: theme.accent), Span("  connected  "), Span("db0", style: theme.muted)],
            right: [Span("frame \(frame)"), Span("  read-only", style: theme.warn)], style: theme.selection
        ).render(in: rows[3], buffer: &buffer)
        return buffer
    }
}
