// The whole estimated picture of a keyspace: totals, every prefix to a depth, the big keys seen.

/// What ``KeyspaceEstimator`` makes of one or more nodes' samples.
public struct KeyspaceEstimates: Sendable, Hashable {
    /// The share of the keys behind the walks, 0…1 (nodes weighed by `DBSIZE`).
    public var visitedFraction: Double
    /// Whether every walk completed (every figure exact).
    public var exact: Bool
    /// `DBSIZE` summed over the nodes when the walks started: the server's own count.
    public var population: Int
    /// Every key (estimated from the samples like the prefixes, so they add up).
    public var keys: Estimate
    public var memory: Estimate
    public var withoutTTL: Estimate
    /// Every prefix to the estimator's depth, parents before their children, larger first.
    public var prefixes: [PrefixEstimate]
    /// The largest keys the walks saw, by `MEMORY USAGE`, largest first: memory is heavy-tailed,
    /// and a handful of these can hold much of a prefix's bytes.
    public var bigKeys: [SampledKey]
    /// Keys seen in all.
    public var sampledKeys: Int

    public init(
        visitedFraction: Double, exact: Bool, population: Int, keys: Estimate, memory: Estimate, withoutTTL: Estimate,
        prefixes: [PrefixEstimate], bigKeys: [SampledKey], sampledKeys: Int
    ) {
        self.visitedFraction = visitedFraction
        self.exact = exact
        self.population = population
        self.keys = keys
        self.memory = memory
        self.withoutTTL = withoutTTL
        self.prefixes = prefixes
        self.bigKeys = bigKeys
        self.sampledKeys = sampledKeys
    }

    /// The rows to print: parents before children, at most `maxChildren` children under any one
    /// parent (the largest), so a level of unique ids (`session:<id>:`) cannot flood the output.
    public func rows(maxChildren: Int) -> [PrefixEstimate] {
        var shown: [[UInt8]: Int] = [:]
        var kept: Set<[UInt8]> = [[]]
        var result: [PrefixEstimate] = []
        for row in prefixes {
            let parent = row.isOther ? row.prefix : row.depth == 1 ? [] : KeyspaceEstimator.parentPrefix(of: row.prefix)
            // An `other` row is shown under any parent shown: it carries the folded folders' totals.
            guard kept.contains(parent), row.isOther || shown[parent, default: 0] < maxChildren else { continue }
            if row.isOther {
                result.append(row)
                continue
            }
            shown[parent, default: 0] += 1
            kept.insert(row.prefix)
            result.append(row)
        }
        return result
    }
}
