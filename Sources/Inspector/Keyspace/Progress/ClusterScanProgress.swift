// Reads the composite cursor of a cluster-wide SCAN (`shard:cursor`) as the share of the cluster visited.

/// Progress by the cursor for a cluster walked shard by shard through `ClusterClient`'s composite
/// cursor (`shard:cursor`, `0` at the very end; see `ClusterClient.pipeline`): shards before the
/// cursor's shard are done, the cursor's shard is done by its own ``NodeScanProgress``, and each
/// shard weighs its primary's `DBSIZE` when probed (equal weights when all were empty).
///
///     let progress = ClusterScanProgress(shards: shapes.map(NodeScanProgress.init), keys: sizes)
///     // after each cluster SCAN:
///     bar.value = progress.visitedFraction(afterReturning: reply.cursor) ?? bar.value
public struct ClusterScanProgress: Sendable, Hashable {
    /// Each shard's progress, in the order the composite cursor numbers them (slot order).
    public let shards: [NodeScanProgress]
    /// Each shard's primary's `DBSIZE` when probed.
    public let keys: [Int]

    public init(shards: [NodeScanProgress], keys: [Int]) {
        precondition(shards.count == keys.count)
        self.shards = shards
        self.keys = keys
    }

    /// The share of the cluster's keys visited once a cluster `SCAN` has returned `cursor`, 0…1;
    /// nil when it is not a composite cursor of this cluster.
    public func visitedFraction(afterReturning cursor: some Collection<UInt8>) -> Double? {
        let bytes = Array(cursor)
        if bytes == [UInt8(ascii: "0")] { return 1 }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
            let shardText = ScanCursorLayout.parse(bytes[..<colon]), let nodeCursor = ScanCursorLayout.parse(bytes[(colon + 1)...]),
            shardText < UInt64(shards.count)
        else { return nil }
        let shard = Int(shardText)
        var weights = keys.map { Double(max(0, $0)) }
        if weights.reduce(0, +) == 0 { weights = Array(repeating: 1, count: keys.count) }
        let total = weights.reduce(0, +)
        let done = weights[..<shard].reduce(0, +)
        // `shard:0` is that shard's start (its own walk ends by moving on to the next shard).
        let within = nodeCursor == 0 ? 0 : shards[shard].fraction(at: nodeCursor)
        return min(1, (done + weights[shard] * within) / total)
    }
}
