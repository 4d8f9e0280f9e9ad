import NIOCore
import RESP
import Testing

@testable import RedisClient

@Suite("Cluster addresses through the address map")
struct ClusterAddressMapTests {
    static let map = AddressMap([
        RedisEndpoint(host: "10.0.0.1", port: 7000): RedisEndpoint(host: "127.0.0.1", port: 17000),
        RedisEndpoint(host: "10.0.0.2", port: 7001): RedisEndpoint(host: "127.0.0.1", port: 17001),
    ])

    @Test("the topology's announced addresses become the reachable ones, slots unchanged")
    func topology() {
        let mapped = ClusterRouterTests.topology.mapped(Self.map)
        #expect(mapped.shard(forSlot: 0)?.primary.endpoint == RedisEndpoint(host: "127.0.0.1", port: 17000))
        #expect(mapped.shard(forSlot: 6000)?.primary.endpoint == RedisEndpoint(host: "127.0.0.1", port: 17001))
        #expect(mapped.shard(forSlot: 0)?.replicas.map(\.endpoint) == [ClusterRouterTests.ra])
        #expect(mapped.coveredSlots == 16384)
    }

    @Test("MOVED and ASK targets go through the map")
    func redirects() {
        var router = ClusterRouter(topology: ClusterRouterTests.topology.mapped(Self.map))
        router.addressMap = Self.map
        let moved = router.next(after: ClusterRouterTests.error("MOVED 3999 10.0.0.2:7001"), from: ClusterRouterTests.a, redirects: 0)
        #expect(moved == .send(to: RedisEndpoint(host: "127.0.0.1", port: 17001), asking: false))
        #expect(router.endpoint(forSlot: 3999) == RedisEndpoint(host: "127.0.0.1", port: 17001))
        let ask = router.next(after: ClusterRouterTests.error("ASK 1 10.0.0.1:7000"), from: ClusterRouterTests.b, redirects: 0)
        #expect(ask == .send(to: RedisEndpoint(host: "127.0.0.1", port: 17000), asking: true))
    }
}
