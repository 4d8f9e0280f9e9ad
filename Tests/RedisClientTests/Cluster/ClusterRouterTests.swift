import NIOCore
import RESP
import Testing

@testable import RedisClient

@Suite("Cluster routing state machine")
struct ClusterRouterTests {
    static let a = RedisEndpoint(host: "10.0.0.1", port: 7000)
    static let b = RedisEndpoint(host: "10.0.0.2", port: 7001)
    static let c = RedisEndpoint(host: "10.0.0.3", port: 7002)
    static let ra = RedisEndpoint(host: "10.0.0.4", port: 7003)

    static let topology = ClusterTopology(shards: [
        ClusterShard(primary: ClusterNode(id: "b", endpoint: b, role: .primary), slotRanges: [5461...10922]),
        ClusterShard(
            primary: ClusterNode(id: "a", endpoint: a, role: .primary),
            replicas: [ClusterNode(id: "ra", endpoint: ra, role: .replica, health: .online)], slotRanges: [0...5460]),
        ClusterShard(primary: ClusterNode(id: "c", endpoint: c, role: .primary), slotRanges: [10923...16383]),
    ])

    static func error(_ text: String) -> RESPValue { .error(ByteBuffer(string: text)) }

    @Test("keys and slots go to the owning primary; shards are kept in slot order")
    func ownership() {
        let router = ClusterRouter(topology: Self.topology)
        #expect(router.topology.primaries.map(\.endpoint) == [Self.a, Self.b, Self.c])
        #expect(router.endpoint(forSlot: 0) == Self.a)
        #expect(router.endpoint(forSlot: 5461) == Self.b)
        #expect(router.endpoint(forSlot: 16383) == Self.c)
        #expect(router.endpoint(forKey: Array("123456789".utf8)) == Self.c)  // slot 12739
        #expect(router.endpoint(forSlot: 16384) == nil)
        #expect(router.topology.slotCount(of: Self.a) == 5461)
        #expect(router.topology.coveredSlots == 16384)
    }

    @Test("replica reads go to a healthy replica, or the primary when there is none")
    func replicaReads() {
        let router = ClusterRouter(topology: Self.topology)
        #expect(router.endpoint(forSlot: 100, replica: true) == Self.ra)
        #expect(router.endpoint(forSlot: 6000, replica: true) == Self.b)
    }

    @Test("MOVED updates the map, retries at the new owner and asks for a refresh")
    func moved() {
        var router = ClusterRouter(topology: Self.topology)
        let step = router.next(after: Self.error("MOVED 3999 10.0.0.2:7001"), from: Self.a, redirects: 0)
        #expect(step == .send(to: Self.b, asking: false))
        #expect(router.endpoint(forSlot: 3999) == Self.b)
        #expect(router.endpoint(forSlot: 3998) == Self.a)
        #expect(router.refreshRequested)
        router.apply(Self.topology)
        #expect(!router.refreshRequested)
        #expect(router.endpoint(forSlot: 3999) == Self.a)
    }

    @Test("MOVED to an unknown node and with an empty host")
    func movedUnknown() {
        var router = ClusterRouter(topology: Self.topology)
        let fresh = RedisEndpoint(host: "10.0.0.9", port: 7009)
        #expect(router.next(after: Self.error("MOVED 1 10.0.0.9:7009"), from: Self.a, redirects: 0) == .send(to: fresh, asking: false))
        #expect(router.endpoint(forSlot: 1) == fresh)
        #expect(router.next(after: Self.error("MOVED 2 :7010"), from: Self.a, redirects: 0) == .send(to: RedisEndpoint(host: "10.0.0.1", port: 7010), asking: false))
    }

    @Test("ASK retries with ASKING and leaves the map alone")
    func ask() {
        var router = ClusterRouter(topology: Self.topology)
        let step = router.next(after: Self.error("ASK 3999 10.0.0.3:7002"), from: Self.a, redirects: 0)
        #expect(step == .send(to: Self.c, asking: true))
        #expect(router.endpoint(forSlot: 3999) == Self.a)
        #expect(!router.refreshRequested)
    }

    @Test("redirections are bounded with a clear error")
    func bound() {
        var router = ClusterRouter(topology: Self.topology, maxRedirects: 5)
        for n in 0..<5 {
            #expect(router.next(after: Self.error("MOVED 7 10.0.0.2:7001"), from: Self.a, redirects: n) == .send(to: Self.b, asking: false))
        }
        guard case .fail(let error) = router.next(after: Self.error("MOVED 7 10.0.0.1:7000"), from: Self.b, redirects: 5) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message.contains("gave up after 5 cluster redirections"))
    }

    @Test("plain replies and other errors are delivered; TRYAGAIN waits; CLUSTERDOWN asks for a refresh")
    func otherReplies() {
        var router = ClusterRouter(topology: Self.topology)
        #expect(router.next(after: .bulkString(ByteBuffer(string: "v")), from: Self.a, redirects: 0) == .deliver)
        #expect(router.next(after: Self.error("WRONGTYPE Operation against a key"), from: Self.a, redirects: 0) == .deliver)
        #expect(router.next(after: Self.error("TRYAGAIN Multiple keys request during rehashing of slot"), from: Self.a, redirects: 0) == .retryLater(Self.a))
        #expect(!router.refreshRequested)
        #expect(router.next(after: Self.error("CLUSTERDOWN The cluster is down"), from: Self.a, redirects: 0) == .deliver)
        #expect(router.refreshRequested)
    }

    @Test("connection errors ask for a refresh")
    func connectionError() {
        var router = ClusterRouter(topology: Self.topology)
        router.noteConnectionError(Self.a)
        #expect(router.refreshRequested)
    }

    @Test("redirect parsing")
    func redirectParsing() {
        #expect(ClusterRedirect.parse("MOVED 12 [::1]:7000", replyingNode: Self.a) == .moved(slot: 12, to: RedisEndpoint(host: "::1", port: 7000)))
        #expect(ClusterRedirect.parse("ASK 16383 h:1", replyingNode: Self.a) == .ask(slot: 16383, to: RedisEndpoint(host: "h", port: 1)))
        #expect(ClusterRedirect.parse("MOVED 16384 h:1", replyingNode: Self.a) == nil)
        #expect(ClusterRedirect.parse("ERR MOVED", replyingNode: Self.a) == nil)
        #expect(ClusterRedirect.parse("MOVED x h:1", replyingNode: Self.a) == nil)
    }

    @Test("command keys: keyed, subcommand-keyed, scripts, multi-key, keyless")
    func commandKeys() {
        #expect(ClusterCommandKeys.key(of: RedisCommand("GET", "k")) == Array("k".utf8))
        #expect(ClusterCommandKeys.key(of: RedisCommand("MEMORY", "USAGE", "k", "SAMPLES", 5)) == Array("k".utf8))
        #expect(ClusterCommandKeys.key(of: RedisCommand("EVAL", "return 1", 2, "k1", "k2")) == Array("k1".utf8))
        #expect(ClusterCommandKeys.routing(of: RedisCommand("EVAL", "return 1", 0)) == .keyless)
        #expect(ClusterCommandKeys.routing(of: RedisCommand("UNLINK", "a", "b")) == .summedKeys)
        #expect(ClusterCommandKeys.routing(of: RedisCommand("UNLINK", "a")) == .key(1))
        #expect(ClusterCommandKeys.routing(of: RedisCommand("SCAN", "0")) == .keyless)
        #expect(ClusterCommandKeys.routing(of: RedisCommand("PING")) == .keyless)
    }
}
