// The keys pane's figures from a partial walk: each prefix's keys, memory and keys without TTL with 95% intervals.

extension KeyspaceView {
    /// The figures of the keys starting with `prefix` (`[]`: every key of the view), estimated for
    /// the whole keyspace from what this view holds.
    ///
    /// The design (see ``SampleDesign/bernoulli(fraction:)``): a cursor walk that passed the share
    /// `visitedFraction` of one hash table has seen each key with that probability, independently
    /// of its name; the index then kept each key it saw with probability ``sampleRate`` (by a hash
    /// of the key's bytes, unrelated to the server's). So every key of the keyspace is in the view
    /// with probability p = visitedFraction × sampleRate, and a prefix's count is n / p with the
    /// score interval of ``Estimate/init(count:fraction:exact:)``.
    ///
    /// Memory and TTL are known for the keys whose lookups are back: a further thinning by the
    /// share of the prefix's keys looked up, q = p × looked-up / n. Memory is the Horvitz–Thompson
    /// total Σm / q with variance (1 − q)/q² · Σm² (one 5 MB key seen among small ones widens it;
    /// one not seen is missing, so memory intervals can miss low); keys without TTL are a count
    /// under q.
    ///
    /// Only a walk over one table (a standalone node, or one node) is such a sample. Pass
    /// `visitedFraction` 1 for a finished walk.
    /// - Parameters:
    ///   - prefix: key bytes every counted key starts with.
    ///   - visitedFraction: the share of the keyspace the walk has passed, 0…1.
    ///
    /// Past the budget, once the walk completed (`visitedFraction` 1), a prefix the walk's
    /// ``prefixCounter`` holds exactly gets its counted key count, exact (see ``exactKeyCount(ofPrefix:)``);
    /// one it holds again after a fold keeps the sample's estimate, its interval narrowed to what
    /// the counts allow (at least the keys counted, at most those plus the parent's folded keys).
    public func figures(ofPrefix prefix: [UInt8], visitedFraction: Double) -> PrefixFigures {
        var figures = figures(in: range(ofPrefix: prefix), visitedFraction: visitedFraction)
        guard visitedFraction >= 1, sampleRate < 1, let counter = prefixCounter, counter.duplicatesSeen == 0, let counted = counter.count(of: prefix)
        else { return figures }
        if counter.isExact(prefix) {
            figures.keys = Estimate(exact: Double(counted))
        } else {
            // Held again after a fold beside it: at least what it counted, at most that plus the
            // parent's folded keys, wherever the sample's interval reaches beyond.
            let parent = PrefixCounter.parent(of: prefix, delimiter: counter.delimiter)
            let low = Swift.max(figures.keys.low, Double(counted))
            let high = Swift.max(low, Swift.min(figures.keys.high, Double(counted + counter.folded(under: parent))))
            figures.keys = Estimate(value: Swift.min(high, Swift.max(low, figures.keys.value)), low: low, high: high)
        }
        return figures
    }

    /// The key count of `prefix` from the walk's ``prefixCounter``, when it is every name the walk
    /// returned under it: the index holds a sample (under the budget the index's own count is
    /// exact already), the counter holds the prefix since before anything beside it was folded,
    /// and the walk returned no name twice that the sample noticed (a name returned twice while the
    /// server rehashes is counted twice, so the counts are then upper bounds, left as estimates).
    /// Meaningful once the walk completed.
    public func exactKeyCount(ofPrefix prefix: [UInt8]) -> Int? {
        guard sampleRate < 1, let counter = prefixCounter, counter.duplicatesSeen == 0, counter.isExact(prefix) else { return nil }
        return counter.count(of: prefix)
    }

    /// The figures of the view's positions `range` (see ``figures(ofPrefix:visitedFraction:)``).
    func figures(in range: Range<Int>, visitedFraction: Double) -> PrefixFigures {
        let n = Double(range.count)
        let totals = totals(of: range)
        let lookedUp = Double(totals.lookedUp)
        let memory = Double(totals.memory)
        let squares = totals.memorySquares
        let persistent = Double(totals.persistent)
        let p = Swift.min(1, Swift.max(0, visitedFraction)) * sampleRate
        guard p > 0 else {
            return PrefixFigures(keys: Estimate(value: n, low: n, high: .infinity), memory: nil, withoutTTL: nil)
        }
        let keys = Estimate(count: n, fraction: p)
        guard lookedUp > 0 else { return PrefixFigures(keys: keys, memory: n == 0 ? Estimate(exact: 0) : nil, withoutTTL: n == 0 ? Estimate(exact: 0) : nil) }
        let q = p * lookedUp / n
        let memoryEstimate = q >= 1 ? Estimate(exact: memory) : Estimate(value: memory / q, variance: (1 - q) / (q * q) * squares, seen: memory)
        return PrefixFigures(keys: keys, memory: memoryEstimate, withoutTTL: Estimate(count: persistent, fraction: q))
    }

    /// The figures of every key in the view (see ``figures(ofPrefix:visitedFraction:)``).
    public func totalFigures(visitedFraction: Double) -> PrefixFigures {
        figures(ofPrefix: [], visitedFraction: visitedFraction)
    }
}
