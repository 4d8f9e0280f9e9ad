@testable import AppCore
// Keyspace snapshots as the scanner would publish them, and app states on the keys pane with one.
@testable import Inspector

/// A small cache world, indexed without a server.
enum KeyspaceFactory {
    /// One key of the world: name, type, TTL, memory.
    typealias Entry = (key: String, type: RedisKeyType, ttl: KeyTTL, memory: UInt64)

    /// The tree's root, in name order: `board` (zset), `config` (string), then the folders
    /// `session:` (two strings with TTLs) and `user:` (three hashes without).
    static let world: [Entry] = [
        ("board", .zset, .persistent, 400),
        ("config", .string, .persistent, 60),
        ("session:a", .string, .expires(atMilliseconds: 60_000), 50),
        ("session:b", .string, .expires(atMilliseconds: 90_000), 70),
        ("user:1", .hash, .persistent, 100),
        ("user:2", .hash, .persistent, 110),
        ("user:3", .hash, .persistent, 120),
    ]

    static func index(_ entries: [Entry] = world) -> KeyIndex {
        var index = KeyIndex()
        for entry in entries {
            let id = index.insert(Array(entry.key.utf8))!.id
            index.update(id, type: entry.type, ttl: entry.ttl, memory: entry.memory)
        }
        return index
    }

    /// What the scanner publishes for `entries`, at `phase`.
    static func update(_ entries: [Entry] = world, phase: ScanProgress.Phase = .finished) -> KeyspaceScanUpdate {
        var progress = ScanProgress()
        progress.phase = phase
        progress.keysIndexed = entries.count
        return KeyspaceScanUpdate(view: KeyspaceView(index: index(entries)), progress: progress, generation: 1)
    }

    /// A one-node state on the keys pane with `entries` indexed (tree view, first row selected).
    static func keysPane(_ entries: [Entry] = world, readOnly: Bool = false) -> AppState {
        var state = AppState(addresses: ["127.0.0.1:7001"], readOnly: readOnly)
        state.press("2")
        state.send(.keyspaceUpdated(node: 0, update: update(entries)))
        return state
    }

    /// The names of the listed rows, as the tree or list shows them (a folder ends with its delimiter).
    static func rowNames(_ keys: KeysState) -> [String] {
        switch keys.listing {
        case .tree(let rows):
            return rows.map { row in
                switch row.kind {
                case .more(let count): return "+\(count)"
                case .other(_, let keys, _): return "other=\(keys)"
                case .node(let node):
                    let name = String(decoding: node.name, as: UTF8.self)
                    return node.isFolder ? name + ":" : name
                }
            }
        case .flat(let list):
            return list.page(offset: 0, limit: list.count).map { String(decoding: $0.key, as: UTF8.self) }
        }
    }

    /// Bytes of `text`.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
