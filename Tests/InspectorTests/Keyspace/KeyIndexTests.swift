import Testing

@testable import Inspector

@Suite struct KeyIndexTests {
    /// `#require` cannot wrap a mutating call; this returns the result to check.
    static func insert(_ index: inout KeyIndex, _ key: [UInt8]) -> (id: KeyID, inserted: Bool)? {
        index.insert(key)
    }

    @Test func dedupesAndKeepsColumns() throws {
        var index = KeyIndex()
        let a = try #require(Self.insert(&index, Array("user:1".utf8)))
        let again = try #require(Self.insert(&index, Array("user:1".utf8)))
        #expect(a.inserted)
        #expect(!again.inserted)
        #expect(a.id == again.id)
        index.update(a.id, type: .hash, ttl: .expires(atMilliseconds: 5000), memory: 72)
        #expect(index.type(a.id) == .hash)
        #expect(index.ttl(a.id) == .expires(atMilliseconds: 5000))
        #expect(index.memoryUsage(a.id) == 72)
        #expect(index.liveCount == 1)
        #expect(index.key(a.id) == Array("user:1".utf8))
    }

    @Test func growsPastManyRehashes() throws {
        var index = KeyIndex()
        for i in 0..<50_000 { index.insert(Array("k:\(i)".utf8)) }
        for i in 0..<50_000 { index.insert(Array("k:\(i)".utf8)) }
        #expect(index.liveCount == 50_000)
        #expect(index.idCount == 50_000)
        let id = try #require(index.find(Array("k:31337".utf8)))
        #expect(index.key(id) == Array("k:31337".utf8))
        #expect(index.find(Array("k:50000".utf8)) == nil)
    }

    @Test func binaryAndEmptyKeys() throws {
        var index = KeyIndex()
        let binary: [UInt8] = [0xFF, 0x00, 0x1B]
        let id = try #require(Self.insert(&index, binary)).id
        let empty = try #require(Self.insert(&index, [UInt8]())).id
        #expect(index.key(id) == binary)
        #expect(index.find([0xFF, 0x00]) == nil)
        #expect(index.find([UInt8]()) == empty)
    }

    @Test func tombstonesAndRevival() throws {
        var index = KeyIndex()
        let id = try #require(Self.insert(&index, Array("gone".utf8))).id
        index.update(id, type: .string, ttl: .persistent, memory: 50)
        index.remove(id)
        #expect(!index.isLive(id))
        #expect(index.liveCount == 0)
        let back = try #require(Self.insert(&index, Array("gone".utf8)))
        #expect(back.id == id)
        #expect(index.isLive(id))
        #expect(index.type(id) == .unknown)
        #expect(index.liveCount == 1)
    }

    @Test func ttlFromPTTL() {
        #expect(KeyTTL(pttl: -2, now: 1000) == nil)
        #expect(KeyTTL(pttl: -1, now: 1000) == .persistent)
        #expect(KeyTTL(pttl: 500, now: 1000) == .expires(atMilliseconds: 1500))
        #expect(KeyTTL.expires(atMilliseconds: 1500).remainingMilliseconds(at: 2000) == 0)
        #expect(KeyTTL.persistent.remainingMilliseconds(at: 0) == nil)
    }
}
