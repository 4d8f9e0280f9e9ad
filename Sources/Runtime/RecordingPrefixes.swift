import AppCore
import Inspector
import Recording

/// The keys index's top prefixes by memory, as rows of a recording (once a minute).
enum RecordingPrefixes {
    /// How many prefixes a minute keeps.
    static let limit = 20

    /// The top-level folders of the keys pane's index, largest memory first; none before a scan.
    static func rows(_ state: AppState, t: Int64) -> [RecordingRow] {
        guard let view = state.keys.view, let node = state.keys.node else { return [] }
        let estimated = view.sampleRate < 1
        return view.children(of: [], sortedBy: .memory).compactMap { child -> RecordingRow? in
            guard case .folder(let prefix) = child.kind else { return nil }
            return .prefix(t: t, node: node, prefix: prefix, keys: Int64(child.keyCount), memory: Int64(clamping: child.memory), estimated: estimated)
        }.prefix(limit).map { $0 }
    }
}
