// The reader's look-ups by moment that a diff needs: the last sample at or before a time.

extension RecordingReader {
    /// The time of the last sample (any node) at or before `t`; nil when there is none.
    public func lastSampleTime(atOrBefore t: Int64) throws -> Int64? {
        try database.rows("SELECT max(t) FROM samples WHERE t <= ?", [.integer(t)]) { $0.isNull(0) ? nil : $0.integer(0) }.first ?? nil
    }

    /// Each node's samples in the window that ends at `t`: enough of them, `samples` intervals'
    /// worth, for rates and a hit ratio at that moment.
    public func recentSamples(at t: Int64, samples count: Int64 = 5) throws -> [Int: [RecordedSample]] {
        let window = try samples(from: max(0, t - count * intervalMilliseconds), through: t)
        return Dictionary(grouping: window, by: \.node)
    }
}
