// The doctor on a sample: the analysis of a partial walk or a sampled index, weighed up to the whole keyspace.

extension DoctorAnalysis {
    /// Multiplies every count and memory sum by `weight` (1 / the chance each key had of being
    /// analysed: the walked share × the index's sample rate), so thresholds and findings speak of
    /// the whole keyspace. Shares, averages, TTL percentiles and examples are unchanged: a uniform
    /// sample estimates them as they are. Peaks of the expiry windows are weighed the same way,
    /// an estimate that errs high on a small sample (the busiest window of a sample is a maximum).
    public mutating func weigh(by weight: Double) {
        guard weight != 1, weight.isFinite, weight > 0 else { return }
        func scaled(_ n: Int) -> Int { Int((Double(n) * weight).rounded()) }
        func scaled(_ n: UInt64) -> UInt64 { UInt64(Swift.min(Double(UInt64.max / 2), (Double(n) * weight).rounded())) }
        keyCount = scaled(keyCount)
        expiringCount = scaled(expiringCount)
        persistentCount = scaled(persistentCount)
        unknownCount = scaled(unknownCount)
        memory = scaled(memory)
        persistentMemory = scaled(persistentMemory)
        lockCount = scaled(lockCount)
        for i in profiles.indices {
            profiles[i].keyCount = scaled(profiles[i].keyCount)
            profiles[i].expiringCount = scaled(profiles[i].expiringCount)
            profiles[i].persistentCount = scaled(profiles[i].persistentCount)
            profiles[i].memory = scaled(profiles[i].memory)
            profiles[i].persistentMemory = scaled(profiles[i].persistentMemory)
            profiles[i].peakPerSecond = scaled(profiles[i].peakPerSecond)
            profiles[i].peakPerMinute = scaled(profiles[i].peakPerMinute)
            profiles[i].histogram.counts = profiles[i].histogram.counts.map(scaled)
        }
    }
}
