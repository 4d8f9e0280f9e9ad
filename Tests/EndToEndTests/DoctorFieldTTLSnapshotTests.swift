import Foundation
import LocalRedis
import Testing

/// `cachescope snapshot --doctor` on the server under test with hashes whose fields expire in one
/// second while the hashes never expire: where the server has field TTLs (Redis 7.4+) both
/// findings are printed in their words; elsewhere the same world prints neither.
@Suite("Snapshot --doctor: hash field TTLs", .timeLimit(.minutes(1)))
struct DoctorFieldTTLSnapshotTests {
    @Test("field expiry wave and persistent hashes with expiring fields, in the doctor's words")
    func fieldTTLFindings() async throws {
        let binary = try ServerBinary.current()
        let fieldTTLs = binary.name == "valkey" ? binary.isAtLeast(9) : binary.isAtLeast(7, 4)
        let server = try LocalRedisServer.start()
        defer { server.stop() }
        let expire = fieldTTLs ? "redis.call('HEXPIRE','cart:'..i,1200,'FIELDS',1,'promo')" : ""
        _ = try MutationTests.redis(server.port, "EVAL", "for i=0,59 do redis.call('HSET','cart:'..i,'item','1','promo','x') \(expire) end", "0")
        let (status, output) = try SnapshotCommandTests.run(
            ["snapshot", "--doctor", "redis://127.0.0.1:\(server.port)"], environment: ["XDG_CONFIG_HOME": NSTemporaryDirectory()])
        #expect(status == 0, "\(binary): \(output)")
        let persistent = "60 of 60 sampled hashes have expiring fields but never expire themselves"
        let wave = "60 hash fields expire within the same second"
        #expect(output.contains(persistent) == fieldTTLs, "\(binary): \(output)")
        #expect(output.contains(wave) == fieldTTLs, "\(binary): \(output)")
        #expect(!output.contains("HPEXPIRETIME survey stopped"), "\(binary): \(output)")
    }
}
