// When the keys pane's figures are estimates for the whole keyspace, and what they are.
import Inspector

extension KeysState {
    /// The share of the keyspace behind the walk, when the keys held can be weighed up to the
    /// whole keyspace (``KeyspaceView/figures(ofPrefix:visitedFraction:)``): 1 once the walk
    /// finished; the cursor's share while a walk over one table runs or after it stopped. Nil when
    /// what is held is not a uniform sample: a cluster is walked node after node (and, on newer
    /// servers, slot after slot), so until it ends the pane shows what it has seen.
    var walkFraction: Double? {
        switch progress.phase {
        case .finished: return 1
        case .scanning, .cancelled: return spansCluster ? nil : progress.visitedFraction
        case .idle, .failed: return nil
        }
    }

    /// A folder's figures for the whole keyspace (estimates while the walk runs, or past the
    /// index's budget), or nil when they are only what was seen (``walkFraction`` unknown).
    func figures(ofPrefix prefix: [UInt8]) -> PrefixFigures? {
        guard let view else { return nil }
        guard let fraction = walkFraction else { return clusterPicture?.figures(ofPrefix: prefix) }
        return view.figures(ofPrefix: prefix, visitedFraction: fraction)
    }

    /// Every held key's figures weighed up to the whole keyspace (see ``figures(ofPrefix:)``).
    var totalFigures: PrefixFigures? {
        guard let view else { return nil }
        guard let fraction = walkFraction else { return clusterPicture?.figures(ofPrefix: []) }
        return view.totalFigures(visitedFraction: fraction)
    }

    /// The cluster's first picture while its exact walk runs over the whole keyspace.
    var clusterPicture: KeyspacePicture? {
        guard spansCluster, progress.phase == .scanning, prefixScan == nil, filterText.isEmpty, typeFilter == nil else { return nil }
        return picture
    }

    /// Whether the figures on screen are estimates rather than counts of every key.
    var showsEstimates: Bool { totalFigures.map { !$0.isExact } ?? false }
}
