import Inspector
import TerminalUI

/// A filter opens its matches: when what it leaves fits on the screen, the folders that hold
/// the matching keys open by themselves (and close again when the filter changes), so
/// `/evil*` shows the key, not a closed `evil:` folder. More matches than fit leave the folders
/// closed, and the status line gives the count.
enum FilterFolders {
    /// Rows of the keys table on screen: the screen less the title, alert, header, hint bar,
    /// the block's borders and the table's header.
    static func visibleRows(_ context: PaneContext) -> Int { max(1, context.height - 7) }

    /// Closes what the previous filter opened, then opens the folders of every match when the
    /// opened tree fits. Returns whether it opened any.
    @discardableResult
    static func open(_ keys: inout KeysState, _ context: PaneContext) -> Bool {
        keys.expanded.subtract(keys.openedByFilter)
        keys.openedByFilter = []
        guard keys.mode == .tree, let view = keys.view, !view.filter.isEmpty, view.count > 0, view.count <= visibleRows(context) else { return false }
        var folders = Set<[UInt8]>()
        for position in 0..<view.count {
            let key = view.index.key(view.id(at: position))
            for (i, byte) in key.enumerated() where byte == view.delimiter && i + 1 < key.count {
                folders.insert(Array(key[...i]))
            }
        }
        // Keys and their folders, each a row: all of them must fit.
        guard !folders.isEmpty, view.count + folders.count <= visibleRows(context) else { return false }
        keys.openedByFilter = folders.subtracting(keys.expanded)
        keys.expanded.formUnion(folders)
        return true
    }

    /// Puts the selection on the first key of the listing (past the folders leading to it).
    static func selectFirstKey(_ keys: inout KeysState) {
        guard case .tree(let rows) = keys.listing else { return }
        let first = rows.firstIndex { row in
            if case .node(let node) = row.kind, !node.isFolder { return true }
            return false
        }
        if let first { keys.table.select(first, count: rows.count) }
    }
}
