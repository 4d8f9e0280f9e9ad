import Inspector
import TerminalUI

/// The keys pane's state: the newest index snapshot from the scanner, how it is listed, the
/// selection, the filter, and the open key.
public struct KeysState: Sendable {
    public enum Mode: Sendable, Equatable { case tree, flat }

    /// The node whose keyspace is indexed (an index into `AppState.nodes`); nil before the first scan.
    public var node: Int?
    /// Cluster mode without a `:node` focus: the index covers every primary.
    public var spansCluster = false
    public var view: KeyspaceView?
    public var progress = ScanProgress()
    public var listing: KeyListing = .empty
    public var mode: Mode = .tree
    public var sort: NamespaceSort = .name
    public var expanded: Set<[UInt8]> = []
    /// The folders the filter opened by itself (closed again when the filter changes).
    public var openedByFilter: Set<[UInt8]> = []
    public var table = TableState(selected: 0)
    /// The glob (or plain text, matched as `*text*`) the list is narrowed to.
    public var filterText = ""
    /// The filter being typed after `/`.
    public var filterInput: InputLineState?
    public var typeFilter: RedisKeyType?
    /// A folder walked on its own with `SCAN … MATCH prefix*`, opened while the index held only a
    /// sample of the keyspace; nil while the index covers the whole keyspace.
    public var prefixScan: [UInt8]?
    /// Keys counted but not looked up that were asked for on screen (``KeysUpdate/lookUpVisible(_:_:)``).
    public var lookupsAsked: Set<[UInt8]> = []
    /// A cluster's first picture, shown while its exact walk runs (``KeyspacePicture``).
    public var picture: KeyspacePicture?
    public var opened: OpenedKey?
    /// The Doctor mode: when open, it replaces the tree (`H`, `:doctor`).
    public var doctor = DoctorState()

    public init() {}

    /// The glob a filter text stands for: plain text matches anywhere in the key.
    public static func glob(for text: String) -> String {
        let special: Set<Character> = ["*", "?", "["]
        return text.contains(where: special.contains) ? text : "*\(text)*"
    }

    /// What the scan sends to the server: the opened folder's prefix, else the filter.
    public var scanFilter: KeyFilter {
        guard let prefixScan else { return keyFilter }
        return KeyFilter(pattern: .prefix(prefixScan))
    }

    /// The filter as the index applies it.
    public var keyFilter: KeyFilter {
        KeyFilter(pattern: filterText.isEmpty ? nil : GlobPattern(Self.glob(for: filterText)), types: typeFilter.map { [$0] } ?? [])
    }
}
