// Two keyspace reports compared prefix by prefix, with their intervals.

extension KeyspaceSnapshot {
    /// Memory, keys and keys without TTL, for the whole keyspace and for each prefix either side
    /// lists. Where a side is estimated, each row says whether the two 95% intervals overlap
    /// (a change inside the uncertainty may be sampling noise).
    public func diffRows(to after: KeyspaceSnapshot) -> [DiffRow] {
        let node = after.label
        func range(_ low: Int, _ high: Int) -> ClosedRange<Double> { Double(low)...Double(max(low, high)) }
        let estimated = !exact || !after.exact
        var rows: [DiffRow?] = [
            .figure(
                .memory, node: node, name: "(all keys)", before: Double(memory), after: Double(after.memory), unit: .bytes,
                intervals: estimated ? (range(memoryLow, memoryHigh), range(after.memoryLow, after.memoryHigh)) : nil),
            .figure(
                .keys, node: node, name: "(all keys)", before: Double(keys), after: Double(after.keys), unit: .count,
                intervals: estimated ? (range(keysLow, keysHigh), range(after.keysLow, after.keysHigh)) : nil),
            .figure(
                .keys, node: node, name: "(all keys) without TTL", before: Double(withoutTTL), after: Double(after.withoutTTL), unit: .count,
                intervals: estimated ? (range(withoutTTLLow, withoutTTLHigh), range(after.withoutTTLLow, after.withoutTTLHigh)) : nil),
        ]
        let old = Dictionary(prefixes.map { ($0.prefix, $0) }, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(after.prefixes.map { ($0.prefix, $0) }, uniquingKeysWith: { a, _ in a })
        // Both sides' order: the before's prefixes, then those only after.
        let names = prefixes.map(\.prefix) + after.prefixes.map(\.prefix).filter { old[$0] == nil }
        for name in names {
            let a = old[name]
            let b = new[name]
            let bothEstimated = estimated && a != nil && b != nil
            rows.append(
                .figure(
                    .memory, node: node, name: name, before: a.map { Double($0.memory) }, after: b.map { Double($0.memory) }, unit: .bytes,
                    intervals: bothEstimated ? (range(a!.memoryLow, a!.memoryHigh), range(b!.memoryLow, b!.memoryHigh)) : nil))
            rows.append(
                .figure(
                    .keys, node: node, name: name, before: a.map { Double($0.keys) }, after: b.map { Double($0.keys) }, unit: .count,
                    intervals: bothEstimated ? (range(a!.keysLow, a!.keysHigh), range(b!.keysLow, b!.keysHigh)) : nil))
        }
        return rows.compactMap { $0 }
    }
}
