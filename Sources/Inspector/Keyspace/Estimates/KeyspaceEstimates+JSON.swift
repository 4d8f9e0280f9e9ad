// The estimated keyspace as JSON, for `cachescope snapshot --keys --json`.
import Foundation

extension KeyspaceEstimates {
    /// The JSON document: top-level `visitedFraction` (0–1), `exact`, `keys`/`keysLow`/`keysHigh`
    /// (estimated like the prefixes, so they add up), `dbsize` (the servers' own count), `memory`,
    /// `withoutTTL` with their intervals, `prefixes` (see ``rows(maxChildren:)``), `bigKeys` and
    /// `nodes`. Each prefix: `prefix` (text up to and including the delimiter, JSON-escaped;
    /// bytes that are not UTF-8 read U+FFFD), `depth`, `keys`, `keysLow`, `keysHigh`, `memory`,
    /// `memoryLow`, `memoryHigh`, `withoutTTL`, `withoutTTLLow`, `withoutTTLHigh`, `types` (keys by
    /// type). Figures are whole numbers: value rounded, low down, high up; exact ones have
    /// low = high = value. Past the index budget, a completed walk's counted keys are exact, and
    /// the folders its counters folded are one row under their parent with `"other": true`
    /// (`prefix` is then the parent's, `depth` its folders').
    public func json(nodes: [KeyspaceSample] = [], maxChildren: Int = 50) -> String {
        let document = Document(
            visitedFraction: visitedFraction, exact: exact, dbsize: population, sampledKeys: sampledKeys,
            keys: keys.rounded.value, keysLow: keys.rounded.low, keysHigh: keys.rounded.high,
            memory: memory.rounded.value, memoryLow: memory.rounded.low, memoryHigh: memory.rounded.high,
            withoutTTL: withoutTTL.rounded.value, withoutTTLLow: withoutTTL.rounded.low, withoutTTLHigh: withoutTTL.rounded.high,
            prefixes: rows(maxChildren: maxChildren).map(Row.init),
            bigKeys: bigKeys.map { BigKey(key: String(decoding: $0.key, as: UTF8.self), type: $0.type.description, memory: Int(clamping: $0.memory)) },
            nodes: nodes.map { Node(node: $0.node, visitedFraction: $0.visitedFraction, dbsize: $0.population, sampledKeys: $0.keys.count) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private struct Document: Encodable {
        var visitedFraction: Double
        var exact: Bool
        var dbsize: Int
        var sampledKeys: Int
        var keys: Int, keysLow: Int, keysHigh: Int
        var memory: Int, memoryLow: Int, memoryHigh: Int
        var withoutTTL: Int, withoutTTLLow: Int, withoutTTLHigh: Int
        var prefixes: [Row]
        var bigKeys: [BigKey]
        var nodes: [Node]
    }

    private struct Row: Encodable {
        var prefix: String
        var depth: Int
        var keys: Int, keysLow: Int, keysHigh: Int
        var memory: Int, memoryLow: Int, memoryHigh: Int
        var withoutTTL: Int, withoutTTLLow: Int, withoutTTLHigh: Int
        var types: [String: Int]
        /// Present on the `other` row of a parent (`prefix`): its folders folded together.
        var other: Bool?

        init(_ row: PrefixEstimate) {
            other = row.isOther ? true : nil
            prefix = String(decoding: row.prefix, as: UTF8.self)
            depth = row.depth
            (keys, keysLow, keysHigh) = row.keys.rounded
            (memory, memoryLow, memoryHigh) = row.memory.rounded
            (withoutTTL, withoutTTLLow, withoutTTLHigh) = row.withoutTTL.rounded
            types = Dictionary(uniqueKeysWithValues: row.types.filter { $0.value > 0 }.map { ($0.key.description, Int($0.value.rounded())) })
        }
    }

    private struct BigKey: Encodable {
        var key: String
        var type: String
        var memory: Int
    }

    private struct Node: Encodable {
        var node: String
        var visitedFraction: Double
        var dbsize: Int
        var sampledKeys: Int
    }
}

extension Estimate {
    /// Whole numbers for printing: the value rounded, low rounded down, high up.
    public var rounded: (value: Int, low: Int, high: Int) {
        func whole(_ x: Double) -> Int { x.isFinite ? Int(clamping: Int64(exactly: x.rounded()) ?? (x > 0 ? Int64.max : Int64.min)) : 0 }
        let value = whole(value)
        return (value, min(value, whole(low.rounded(.down))), max(value, whole(high.rounded(.up))))
    }
}
