/// The report's derived figures: a node's series (ops/s, hit ratio, memory, evictions/s,
/// latency) and their downsampling to one min/max pair per column.
public struct ReportSeries: Sendable {
    /// Points (t, value); nil values (unknown) are left out.
    public var points: [(t: Int64, value: Double)]

    /// The series of `node` for `metric`.
    public static func of(_ node: ReportData.Node, _ metric: ReportMetric) -> ReportSeries {
        var points: [(t: Int64, value: Double)] = []
        var previous: Int64?
        for sample in node.samples {
            defer { previous = sample.t }
            let seconds = Double(max(sample.t - (previous ?? (sample.t - 1000)), 1)) / 1000
            let value: Double?
            switch metric {
            case .opsPerSecond: value = sample.ops.map { Double($0) / seconds }
            case .hitRatio:
                if let h = sample.hits, let m = sample.misses, h + m > 0 { value = Double(h) * 100 / Double(h + m) } else { value = nil }
            case .memory: value = sample.usedMemory.map(Double.init)
            case .evictionsPerSecond: value = sample.evicted.map { Double($0) / seconds }
            case .latency: value = sample.latencyMicroseconds.map { Double($0) / 1000 }
            }
            if let value { points.append((sample.t, value)) }
        }
        return ReportSeries(points: points)
    }

    /// One (min, max) per column of `columns` across [from, to]; nil where a column has no point.
    public func downsampled(columns: Int, from: Int64, to: Int64) -> [(min: Double, max: Double)?] {
        var out = [(min: Double, max: Double)?](repeating: nil, count: columns)
        let span = Double(max(to - from, 1))
        for p in points {
            let column = min(columns - 1, max(0, Int(Double(p.t - from) / span * Double(columns))))
            if let c = out[column] { out[column] = (Swift.min(c.min, p.value), Swift.max(c.max, p.value)) } else { out[column] = (p.value, p.value) }
        }
        return out
    }
}

/// What a chart plots.
public enum ReportMetric: CaseIterable, Sendable {
    case opsPerSecond, hitRatio, memory, evictionsPerSecond, latency

    /// The chart's title.
    public var title: String {
        switch self {
        case .opsPerSecond: "ops/s"
        case .hitRatio: "hit ratio (%)"
        case .memory: "memory (bytes) against maxmemory"
        case .evictionsPerSecond: "evictions/s"
        case .latency: "latency (ms)"
        }
    }
}
