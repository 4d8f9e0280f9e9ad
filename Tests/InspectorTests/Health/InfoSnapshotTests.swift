import LocalRedis
import RedisClient
import Testing

@testable import Inspector

@Suite struct InfoSnapshotTests {
    @Test func parsesSectionsFieldsAndKeyspace() {
        let s = SampleFactory.sample(at: 0, hits: 300, misses: 100, usedMemory: 900, maxMemory: 1000)
        #expect(s.keyspaceHits == 300)
        #expect(s.keyspaceMisses == 100)
        #expect(s.lifetimeHitRatio == 0.75)
        #expect(s.memoryFraction == 0.9)
        #expect(s.version == "7.0.15")
        #expect(s.info.sectionOrder.first == "server")
        #expect(s.keysPerDatabase.map(\.db) == [0, 3])
        #expect(s.totalKeys == 12)
        #expect(s.maxMemoryPolicy == "allkeys-lru")
    }

    @Test("Valkey is named and its own version read, not the redis_version it keeps for clients")
    func valkeyServer() {
        let valkey = InfoSnapshot(parsing: "# Server\r\nredis_version:7.2.4\r\nserver_name:valkey\r\nvalkey_version:8.1.8\r\n")
        #expect(valkey.serverName == "valkey")
        #expect(valkey.serverVersion == "8.1.8")
        #expect(valkey.serverMajorMinor! == (8, 1))
        let redis = InfoSnapshot(parsing: "# Server\r\nredis_version:8.2.3\r\n")
        #expect(redis.serverName == "redis" && redis.serverVersion == "8.2.3")
        #expect(InfoSnapshot(parsing: "# Stats\r\nkeyspace_hits:1\r\n").serverMajorMinor == nil)
    }

    @Test func noMaxmemoryMeansNoFraction() {
        #expect(SampleFactory.sample(at: 0, maxMemory: 0).memoryFraction == nil)
    }

    @Test func replicaLinkAndLag() {
        let replica = SampleFactory.sample(at: 0, role: "slave", linkStatus: "down")
        #expect(replica.replicationLinkUp == false)
        let primary = SampleFactory.sample(at: 0)
        #expect(primary.replicationLinkUp == nil)
        let info = InfoSnapshot(
            parsing: "# Replication\nrole:master\nmaster_repl_offset:500\nslave0:ip=127.0.0.1,port=7001,state=online,offset=420,lag=1\nslave1:ip=127.0.0.1,port=7002,state=online,offset=490,lag=0\n")
        #expect(NodeSample(time: 0, latency: 0, info: info).replicaOffsetLag == 80)
    }

    @Test func persistenceFailureIsSeen() {
        #expect(SampleFactory.sample(at: 0, rdbStatus: "err").persistenceOK == false)
        #expect(SampleFactory.sample(at: 0).persistenceOK)
    }

    @Test("appending CLUSTER INFO reads as if it had followed the INFO text")
    func appendingClusterInfo() {
        let info = "# Server\r\nredis_version:7.0.15\r\n\r\n# Cluster\r\ncluster_enabled:1\r\n"
        let cluster = "cluster_state:ok\r\ncluster_slots_assigned:16384\r\n"
        var appended = InfoSnapshot(parsing: info)
        appended.append(parsing: "# ClusterInfo\r\n" + cluster)
        #expect(appended == InfoSnapshot(parsing: info + "\r\n# ClusterInfo\r\n" + cluster))
        #expect(appended.sectionOrder == ["server", "cluster", "clusterinfo"])
        #expect(appended.fields(in: "clusterinfo").map(\.0) == ["cluster_state", "cluster_slots_assigned"])
        #expect(appended["cluster_state"] == "ok")
        // Text with no header of its own continues the last section.
        var continued = InfoSnapshot(parsing: info)
        continued.append(parsing: "cluster_size:3\r\n")
        #expect(continued.fields(in: "cluster").map(\.0) == ["cluster_enabled", "cluster_size"])
    }
}
