/// Remaining TTLs of one prefix's keys in equal-width bins, for the wave bar chart.
public struct TTLHistogram: Sendable, Hashable {
    /// Width of a bin, in seconds (at least 1).
    public var binSeconds: Int64
    /// Keys per bin: bin `i` holds remaining TTLs in `[i × binSeconds, (i+1) × binSeconds)`.
    public var counts: [Int]

    /// The number of bins the doctor uses.
    public static let defaultBins = 30

    /// Bins `remaining` (seconds, sorted or not) into `bins` equal bins from 0 to the largest value.
    public init(remainingSeconds remaining: [Int64], bins: Int = TTLHistogram.defaultBins) {
        let largest = remaining.max() ?? 0
        let width = Swift.max(1, (largest + Int64(bins)) / Int64(Swift.max(1, bins)))
        var counts = [Int](repeating: 0, count: Swift.max(1, bins))
        for value in remaining {
            counts[Swift.min(counts.count - 1, Int(Swift.max(0, value) / width))] += 1
        }
        self.binSeconds = width
        self.counts = counts
    }

    public init(binSeconds: Int64, counts: [Int]) {
        self.binSeconds = binSeconds
        self.counts = counts
    }

    /// Keys in all bins.
    public var total: Int { counts.reduce(0, +) }
}
