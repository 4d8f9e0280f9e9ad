import Testing

@testable import Inspector

@Suite struct KeyspaceViewTests {
    /// user:1..3 (hash, 100 B, no TTL), user:1:cart (list, TTL), session:a/b (string, TTL), plain.
    private func sample() -> KeyIndex {
        var index = KeyIndex()
        func add(_ key: String, _ type: RedisKeyType, _ ttl: KeyTTL, _ memory: UInt64) {
            let id = index.insert(Array(key.utf8))!.id
            index.update(id, type: type, ttl: ttl, memory: memory)
        }
        add("user:2", .hash, .persistent, 100)
        add("session:b", .string, .expires(atMilliseconds: 9_000), 60)
        add("user:1:cart", .list, .expires(atMilliseconds: 5_000), 300)
        add("user:1", .hash, .persistent, 100)
        add("plain", .string, .persistent, 10)
        add("session:a", .string, .expires(atMilliseconds: 2_000), 50)
        add("user:3", .hash, .persistent, 100)
        return index
    }

    @Test func rootChildrenAggregate() {
        let view = KeyspaceView(index: sample())
        #expect(view.count == 7)
        #expect(view.totalMemory == 720)
        #expect(view.persistentCount == 4)
        let root = view.children(of: [])
        #expect(root.map { String(decoding: $0.name, as: UTF8.self) } == ["plain", "session", "user"])
        let user = root[2]
        #expect(user.isFolder)
        #expect(user.keyCount == 4)
        #expect(user.memory == 600)
        #expect(user.persistentCount == 3)
        #expect(root[0].type == .string)
    }

    @Test func nestedChildrenAndPrefixSummary() {
        let view = KeyspaceView(index: sample())
        let user = view.children(of: Array("user:".utf8))
        #expect(user.map { String(decoding: $0.name, as: UTF8.self) } == ["1", "1", "2", "3"])
        #expect(user[0].isFolder == false)  // the key user:1
        #expect(user[1].isFolder == true)  // the folder user:1:
        #expect(user[1].keyCount == 1)
        let s = view.summary(ofPrefix: Array("session:".utf8))
        #expect(s.keys == 2 && s.memory == 110 && s.persistent == 0)
        #expect(view.children(of: Array("nothing:".utf8)).isEmpty)
    }

    @Test func sortingByMemoryAndTTL() {
        let view = KeyspaceView(index: sample())
        let byMemory = view.children(of: [], sortedBy: .memory)
        #expect(byMemory.first.map { String(decoding: $0.name, as: UTF8.self) } == "user")
        let byTTL = view.children(of: Array("session:".utf8), sortedBy: .ttl, now: 1_000)
        #expect(byTTL.map { String(decoding: $0.name, as: UTF8.self) } == ["a", "b"])
        let flat = view.flatList(sortedBy: .ttl, now: 1_000)
        #expect(flat.page(offset: 0, limit: 3).map { String(decoding: $0.key, as: UTF8.self) } == ["session:a", "user:1:cart", "session:b"])
        #expect(view.flatList(sortedBy: .memory).page(offset: 0, limit: 1).first?.key == Array("user:1:cart".utf8))
        #expect(view.flatList().page(offset: 6, limit: 10).count == 1)
    }

    @Test func filteringByGlobAndType() {
        let view = KeyspaceView(index: sample())
        let users = view.filtered(by: KeyFilter(pattern: GlobPattern("user:*")))
        #expect(users.count == 4)
        let hashes = view.filtered(by: KeyFilter(types: [.hash]))
        #expect(hashes.count == 3)
        let both = users.filtered(by: KeyFilter(pattern: GlobPattern("user:?"), types: [.hash]))
        #expect(both.count == 3)
        #expect(both.filtered(by: .all).count == 7, "refiltering starts from the whole index")
    }

    @Test func otherDelimiterAndTombstones() {
        var index = sample()
        index.remove(index.find(Array("plain".utf8))!)
        let view = KeyspaceView(index: index, delimiter: UInt8(ascii: "_"))
        #expect(view.count == 6)
        #expect(view.children(of: []).count == 6)
    }

    @Test func millionKeyTreeIsFast() {
        var index = KeyIndex()
        index.reserveCapacity(keys: 200_000)
        for i in 0..<200_000 {
            let id = index.insert(Array("ns\(i % 50):obj:\(i)".utf8))!.id
            index.update(id, type: .string, ttl: i % 3 == 0 ? .persistent : .expires(atMilliseconds: 1), memory: 64)
        }
        let view = KeyspaceView(index: index)
        let clock = ContinuousClock()
        var root: [NamespaceNode] = []
        let elapsed = clock.measure { root = view.children(of: []) }
        #expect(root.count == 50)
        #expect(root.reduce(0) { $0 + $1.keyCount } == 200_000)
        #expect(root.reduce(0) { $0 + $1.persistentCount } == 66_667)
        #expect(elapsed < .milliseconds(200))
    }
}
