// The doctor on a sample: the analysis of a partial walk, a sampled index or sampled lookups, weighed up to the whole keyspace.

extension DoctorAnalysis {
    /// The share of the analysed keys whose lookups are known (TTL, memory), 1 when all are.
    public var lookupShare: Double {
        keyCount > 0 ? Double(keyCount - unknownCount) / Double(keyCount) : 1
    }

    /// Weighs the analysis up to the whole keyspace. Every count is multiplied by `weight`
    /// (1 / the chance each key had of being analysed: the walked share × the index's sample
    /// rate); what only looked-up keys tell (TTL or none, memory, expiry peaks) is further divided
    /// by each prefix's share of keys looked up, since on a big keyspace only a uniform sample of
    /// the keys is (``LookupSample``). Shares, averages, TTL percentiles and examples are
    /// unchanged: a uniform sample estimates them as they are. Peaks of the expiry windows are
    /// weighed the same way, an estimate that errs high on a small sample.
    public mutating func weigh(by weight: Double) {
        guard weight.isFinite, weight > 0, weight != 1 || unknownCount > 0 else { return }
        func scaled(_ n: Int, _ w: Double) -> Int { Int((Double(n) * w).rounded()) }
        func scaled(_ n: UInt64, _ w: Double) -> UInt64 { UInt64(Swift.min(Double(UInt64.max / 2), (Double(n) * w).rounded())) }
        let known = Double(keyCount - unknownCount)
        let lookedUp = known > 0 ? weight * Double(keyCount) / known : weight
        keyCount = scaled(keyCount, weight)
        expiringCount = scaled(expiringCount, lookedUp)
        persistentCount = scaled(persistentCount, lookedUp)
        unknownCount = 0
        memory = scaled(memory, lookedUp)
        persistentMemory = scaled(persistentMemory, lookedUp)
        lockCount = scaled(lockCount, weight)
        for i in profiles.indices {
            let p = profiles[i]
            let knownHere = Double(p.expiringCount + p.persistentCount)
            let w = knownHere > 0 ? weight * Double(p.keyCount) / knownHere : weight
            profiles[i].keyCount = scaled(p.keyCount, weight)
            profiles[i].expiringCount = scaled(p.expiringCount, w)
            profiles[i].persistentCount = scaled(p.persistentCount, w)
            profiles[i].memory = scaled(p.memory, w)
            profiles[i].persistentMemory = scaled(p.persistentMemory, w)
            profiles[i].peakPerSecond = scaled(p.peakPerSecond, w)
            profiles[i].peakPerMinute = scaled(p.peakPerMinute, w)
            profiles[i].histogram.counts = p.histogram.counts.map { scaled($0, w) }
        }
    }

    /// After ``weigh(by:)``, once the walk completed: each top-level prefix's key count from the
    /// walk's per-prefix counts when they are exact (past the index budget, every name the walk
    /// returned was counted: ``KeyspaceView/exactKeyCount(ofPrefix:)``).
    public mutating func takeExactCounts(from view: KeyspaceView) {
        for i in profiles.indices where !profiles[i].prefix.isEmpty {
            guard let count = view.exactKeyCount(ofPrefix: profiles[i].prefix) else { continue }
            profiles[i].keyCount = count
            profiles[i].keyCountExact = true
        }
    }
}
