import Testing

@testable import Inspector

/// The index's chunked storage: copies share chunks and stay independent values, keys cross
/// chunk boundaries, a key longer than a chunk gets its own, a snapshot finds keys without its
/// hash table.
@Suite struct KeyIndexStorageTests {
    @Test("a copy keeps its values while the original is written past it, across chunk boundaries")
    func copiesAreValues() {
        var index = KeyIndex()
        let first = ChunkedColumn<UInt32>.chunkSize + 10
        for i in 0..<first { index.insert(Array("key:\(i)".utf8)) }
        let snapshot = index.snapshot()
        for i in first..<first * 2 { index.insert(Array("key:\(i)".utf8)) }
        index.update(KeyID(rawValue: 3), type: .hash, ttl: .persistent, memory: 99)
        index.remove(KeyID(rawValue: UInt32(first - 1)))

        #expect(snapshot.idCount == first)
        #expect(snapshot.type(KeyID(rawValue: 3)) == .unknown)
        #expect(snapshot.isLive(KeyID(rawValue: UInt32(first - 1))))
        #expect(index.type(KeyID(rawValue: 3)) == .hash && index.memoryUsage(KeyID(rawValue: 3)) == 99)
        #expect(index.idCount == first * 2 && index.liveCount == first * 2 - 1)
        for i in [0, first - 1, first, first * 2 - 1] {
            #expect(index.key(KeyID(rawValue: UInt32(i))) == Array("key:\(i)".utf8))
        }
        #expect(snapshot.key(KeyID(rawValue: UInt32(first - 1))) == Array("key:\(first - 1)".utf8))
    }

    @Test("a snapshot finds keys one by one, and inserting into it rebuilds its table")
    func snapshotFindsAndGrows() {
        var index = KeyIndex()
        for i in 0..<2000 { index.insert(Array("k\(i)".utf8)) }
        var snapshot = index.snapshot()
        #expect(snapshot.find(Array("k1999".utf8))?.rawValue == 1999)
        #expect(snapshot.find(Array("absent".utf8)) == nil)
        #expect(snapshot.insert(Array("k5".utf8))?.inserted == false)
        #expect(snapshot.insert(Array("new".utf8))?.inserted == true)
        #expect(snapshot.find(Array("new".utf8))?.rawValue == 2000)
        #expect(index.find(Array("new".utf8)) == nil)
    }

    @Test("keys fill 1 MiB arena chunks without straddling, and a 3 MiB key gets a chunk of its own")
    func arenaChunks() {
        var index = KeyIndex()
        let long = [UInt8](repeating: 0x41, count: 3 << 20)
        var ids: [KeyID] = []
        for i in 0..<60_000 { ids.append(index.insert(Array("user:profile:\(i):settings".utf8))!.id) }
        let longID = index.insert(long)!.id
        ids.append(index.insert(Array("after".utf8))!.id)
        #expect(index.key(longID) == long)
        #expect(index.key(ids.last!) == Array("after".utf8))
        #expect(index.key(ids[59_999]) == Array("user:profile:59999:settings".utf8))
        #expect(index.find(long) == longID)
        #expect(index.footprintBytes > long.count)
    }
}
