// A cluster's first picture: sampled across every shard and slot while the exact walk goes node after node.
import Inspector

/// What the keys pane shows of a cluster until its exact walk ends. The walk visits one node
/// after another (and, on servers with a table per slot, slot after slot), so the keys it has
/// seen are no sample of the cluster; a short sampling walk of every shard at once, slots drawn
/// at random and hash-tagged slots as their own stratum (``KeyspaceSampler``), is. Its estimates
/// fill the folders the picture reaches (to ``depth`` levels) until the exact walk ends.
public struct KeyspacePicture: Sendable {
    /// The estimates, as ``KeyspaceEstimator`` made them.
    public let estimates: KeyspaceEstimates
    private let byPrefix: [[UInt8]: PrefixEstimate]

    /// Prefix levels the picture estimates (`user:` is 1, `user:profile:` 2).
    public static let depth = 3

    /// Parent prefix (`[]` for the root) → the folders under it the picture saw.
    let foldersByParent: [[UInt8]: [[UInt8]]]

    public init(_ estimates: KeyspaceEstimates) {
        self.estimates = estimates
        self.byPrefix = Dictionary(estimates.prefixes.map { ($0.prefix, $0) }, uniquingKeysWith: { first, _ in first })
        self.foldersByParent = Dictionary(grouping: estimates.prefixes.map(\.prefix), by: KeyspaceEstimator.parentPrefix(of:))
    }

    /// The estimated figures of the keys starting with `prefix` (`[]`: the whole keyspace), nil
    /// for a prefix the sample never saw or deeper than ``depth``.
    public func figures(ofPrefix prefix: [UInt8]) -> PrefixFigures? {
        if prefix.isEmpty { return PrefixFigures(keys: estimates.keys, memory: estimates.memory, withoutTTL: estimates.withoutTTL) }
        guard let row = byPrefix[prefix] else { return nil }
        return PrefixFigures(keys: row.keys, memory: row.memory, withoutTTL: row.withoutTTL)
    }
}
