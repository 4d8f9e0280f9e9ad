// Keys looked up again on demand: after a change, when found gone, or when they come on screen counted but not looked up.
import RESP
import RedisClient

extension KeyspaceScanner {
    /// Looks `keys` up (`TYPE`, `PTTL`, `MEMORY USAGE`) in one pipeline and corrects the index:
    /// a key removed if it vanished, updated if it changed, added if new. Publishes one snapshot.
    /// - Returns: each key's entry now, nil for a key that no longer exists.
    /// - Throws: `RedisError` if the node cannot be reached.
    @discardableResult
    public func refresh(_ keys: [[UInt8]]) async throws -> [KeyEntry?] {
        guard !keys.isEmpty else { return [] }
        var commands: [RedisCommand] = []
        let options = KeyLookup.memoryOptions(samples: policy.memorySamples)
        for key in keys { KeyLookup.appendCommands(for: key, memoryOptions: options, to: &commands) }
        let replies = try await lookupConnections[0].pipeline(commands)
        let now = wallClockMilliseconds()
        var results: [KeyEntry?] = []
        for (n, key) in keys.enumerated() {
            let found = KeyLookup.read(replies, at: n * KeyLookup.commandsPerKey, now: now)
            if found.type == .gone {
                if let id = index.find(key) { index.remove(id) }
                results.append(nil)
            } else if let added = index.insert(key) {
                index.update(added.id, type: found.type, ttl: found.ttl, memory: found.memory)
                if added.inserted { sorted.append(CollectionOfOne(added.id.rawValue)) }
                results.append(index.entry(added.id))
            } else {
                results.append(nil)
            }
        }
        publish()
        return results
    }

    /// Looks one key up again, as the batch form does.
    @discardableResult
    public func refresh(_ key: [UInt8]) async throws -> KeyEntry? {
        try await refresh([key]).first ?? nil
    }
}
