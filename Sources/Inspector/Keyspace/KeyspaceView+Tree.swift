#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension KeyspaceView {
    /// The children of a folder in the namespace tree, computed on demand (lazy expand).
    ///
    /// Cost: O(children × log n) — each folder's range is found by binary search and its totals
    /// come from running sums, so expanding the root of a million keys in a few hundred prefixes
    /// is instant. A folder with many direct keys returns one node per key.
    /// - Parameters:
    ///   - prefix: the folder's prefix ending with the delimiter (`[]` for the root).
    ///   - sort: row order.
    ///   - now: wall-clock milliseconds, for TTL ordering.
    /// - Returns: folders and keys directly under `prefix`.
    public func children(of prefix: [UInt8], sortedBy sort: NamespaceSort = .name, now: Int64 = wallClockMilliseconds()) -> [NamespaceNode] {
        let bounds = range(ofPrefix: prefix)
        var nodes: [NamespaceNode] = []
        var position = bounds.lowerBound
        let skip = prefix.count
        while position < bounds.upperBound {
            let id = KeyID(rawValue: order[position])
            let folderEnd: Int? = index.withKeyBytes(id) { key in
                guard key.count > skip else { return nil }
                guard let d = key[skip...].firstIndex(of: delimiter) else { return nil }
                return d + 1
            }
            if let folderEnd {
                let folderPrefix = index.withKeyBytes(id) { Array($0[0..<folderEnd]) }
                let r = range(ofPrefix: folderPrefix, within: position..<bounds.upperBound)
                let totals = totals(of: r)
                nodes.append(
                    NamespaceNode(
                        kind: .folder(prefix: folderPrefix),
                        name: Array(folderPrefix[skip..<folderEnd - 1]),
                        keyCount: r.count,
                        memory: totals.memory,
                        persistentCount: totals.persistent,
                        ttl: .unknown, type: .unknown))
                position = r.upperBound
            } else {
                let ttl = index.ttl(id)
                nodes.append(
                    NamespaceNode(
                        kind: .key(id),
                        name: index.withKeyBytes(id) { Array($0[Swift.min(skip, $0.count)...]) },
                        keyCount: 1,
                        memory: index.memoryUsage(id),
                        persistentCount: ttl == .persistent ? 1 : 0,
                        ttl: ttl, type: index.type(id)))
                position += 1
            }
        }
        switch sort {
        case .name: break  // already in byte order
        case .memory: nodes.sort { $0.memory > $1.memory }
        case .ttl: nodes.sort { Self.ttlRank($0, now) < Self.ttlRank($1, now) }
        }
        return nodes
    }

    /// TTL ordering: folders by keys without TTL (most first), then keys by time left, keys with
    /// no TTL or unknown TTL last.
    private static func ttlRank(_ node: NamespaceNode, _ now: Int64) -> (Int, Int64) {
        if node.isFolder { return (0, -Int64(node.persistentCount)) }
        switch node.ttl {
        case .expires: return (1, node.ttl.remainingMilliseconds(at: now) ?? 0)
        case .persistent: return (2, 0)
        case .unknown: return (3, 0)
        }
    }
}

/// Wall-clock milliseconds since the Unix epoch (TTL deadlines are stored on this clock).
public func wallClockMilliseconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
}
