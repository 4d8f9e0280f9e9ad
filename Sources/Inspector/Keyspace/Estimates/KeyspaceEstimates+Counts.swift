// The estimated tree corrected by the walk's per-prefix counts: exact key counts, folded folders in `other` rows.

extension KeyspaceEstimates {
    /// The estimates with the key counts of a completed walk that counted every name it returned
    /// (``PrefixCounter``; the sample itself held only part of the keys): the key count of every
    /// prefix the counter holds exactly, and the total, become exact; under a parent whose smaller
    /// folders the counter folded, those folders' rows give way to one `other` row
    /// (``PrefixEstimate/isOther``) with their keys, exact. Memory, keys without TTL and types stay
    /// the sample's estimates. Unchanged when the counter noticed a name returned twice (the
    /// counts are then upper bounds).
    public func applying(_ counter: PrefixCounter) -> KeyspaceEstimates {
        guard counter.duplicatesSeen == 0 else { return self }
        var result = self
        result.keys = Estimate(exact: Double(counter.total))
        var rows: [PrefixEstimate] = []
        // Per parent: the folded folders' memory and keys without TTL, summed with their variances.
        var folded: [[UInt8]: (memory: Double, memoryVariance: Double, withoutTTL: Double, withoutTTLVariance: Double)] = [:]
        func variance(_ e: Estimate) -> Double {
            let half = (e.high - e.low) / 2 / Estimate.z95
            return half.isFinite ? half * half : 0
        }
        for var row in prefixes where row.depth <= counter.depth {
            let parent = row.depth == 1 ? [] : KeyspaceEstimator.parentPrefix(of: row.prefix)
            // A folder the counter folded is in its parent's other row.
            if !counter.holds(row.prefix), counter.holds(parent), counter.folded(under: parent) > 0 {
                var sums = folded[parent] ?? (0, 0, 0, 0)
                sums.memory += row.memory.value
                sums.memoryVariance += variance(row.memory)
                sums.withoutTTL += row.withoutTTL.value
                sums.withoutTTLVariance += variance(row.withoutTTL)
                folded[parent] = sums
                continue
            }
            if counter.isExact(row.prefix), let count = counter.count(of: row.prefix) { row.keys = Estimate(exact: Double(count)) }
            rows.append(row)
        }
        var parents: [([UInt8], Int)] = [([], 0)]
        parents += counter.entries.filter { $0.value.level < counter.depth }.map { ($0.key, $0.value.level) }
        for (parent, level) in parents where counter.folded(under: parent) > 0 {
            // Memory and keys without TTL are the sample's, over the folded folders it saw.
            let sums = folded[parent] ?? (0, 0, 0, 0)
            var other = PrefixEstimate(
                prefix: parent, depth: level + 1, keys: Estimate(exact: Double(counter.folded(under: parent))),
                memory: Estimate(value: sums.memory, variance: sums.memoryVariance, seen: 0),
                withoutTTL: Estimate(value: sums.withoutTTL, variance: sums.withoutTTLVariance, seen: 0), types: [:])
            other.isOther = true
            rows.append(other)
        }
        result.prefixes = KeyspaceEstimator.treeOrder(rows)
        return result
    }
}
