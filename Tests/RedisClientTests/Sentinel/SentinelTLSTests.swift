import Foundation
import LocalRedis
import Testing

@testable import RedisClient

/// TLS to sentinels as to nodes: one set of TLS options reaches both. (Debian's 7.0 has TLS; the
/// newer test servers are built without it, so `scripts/test-servers.sh` skips this suite.)
@Suite("Sentinel over TLS", .timeLimit(.minutes(1)))
struct SentinelTLSTests {
    @Test("discovery over TLS finds the primary, both replicas and three sentinels; plain TCP is refused")
    func tls() async throws {
        let certificates = try TLSCertificates.generate()
        let group = try LocalRedisSentinelGroup.start(tls: certificates)
        defer { group.stop() }
        let tls = TLSOptions(caCertificatePath: certificates.caCertificatePath)
        let sentinels = group.sentinels.map { ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: $0.port), tls: tls) }
        let client = SentinelClient(sentinels: sentinels, masterName: "mymaster", nodeOptions: ConnectionOptions(tls: tls))
        defer { Task { await client.close() } }
        // The sentinels learn the replicas and each other over TLS within a few seconds.
        #expect(
            await eventually(20) {
                let topology = try await client.discover()
                return topology.replicas.count == 2 && topology.sentinels.filter { $0.isUp }.count == 3
            })
        let topology = try await client.discover()
        #expect(topology.primary == RedisEndpoint(host: "127.0.0.1", port: group.primary.port))
        #expect(Set(topology.replicas.map(\.endpoint.port)) == Set(group.replicas.map(\.port)))

        let plain = SentinelClient(
            sentinels: sentinels.map {
                var o = $0
                o.tls = nil
                return o
            }, masterName: "mymaster", nodeOptions: ConnectionOptions(tls: tls))
        defer { Task { await plain.close() } }
        await #expect(throws: SentinelError.self) { try await plain.discover() }
    }
}
