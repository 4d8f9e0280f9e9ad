// Opening a folder of a sampled index: walk that prefix alone with SCAN MATCH, for every one of its keys.
import Inspector
import TerminalUI

/// When the keyspace is past the index's memory budget, the index holds a uniform sample of the
/// keys and a folder lists only some of its own. Opening one walks its prefix alone
/// (`SCAN … MATCH prefix*`, paged, cancellable and under the same load ceiling as any scan), so
/// its keys are all listed and its figures become exact once that walk ends; `Esc` goes back to
/// the whole keyspace.
enum PrefixScan {
    /// Starts walking `prefix` alone and opens the folders down to it.
    static func enter(_ prefix: [UInt8], node: Int, _ keys: inout KeysState, _ context: inout PaneContext) -> [AppEffect] {
        let share = Formatting.percent(keys.progress.sampleRate, decimals: keys.progress.sampleRate < 0.1 ? 1 : 0)
        keys.prefixScan = prefix
        keys.expanded = Set(ancestors(of: prefix, delimiter: keys.view?.delimiter ?? UInt8(ascii: ":")))
        keys.progress = ScanProgress()
        keys.progress.phase = .scanning
        context.status = StatusMessage(
            "the index holds a \(share) sample: walking \(ServerBytes(prefix))* alone for all its keys (SCAN MATCH) · Esc: the whole keyspace",
            now: context.now, lifetime: 8)
        return [.startScan(node: node, filter: keys.scanFilter)]
    }

    /// Goes back to indexing the whole keyspace.
    static func leave(_ node: Int, _ keys: inout KeysState, _ context: inout PaneContext) -> [AppEffect] {
        keys.prefixScan = nil
        keys.expanded = []
        keys.progress = ScanProgress()
        keys.progress.phase = .scanning
        context.status = StatusMessage("walking the whole keyspace again", now: context.now, lifetime: 3)
        return [.startScan(node: node, filter: keys.scanFilter)]
    }

    /// `a:b:c:` → `a:`, `a:b:`, `a:b:c:`: the folders to open to show `prefix`'s keys.
    static func ancestors(of prefix: [UInt8], delimiter: UInt8) -> [[UInt8]] {
        prefix.indices.filter { prefix[$0] == delimiter }.map { Array(prefix[...$0]) }
    }
}
