import Testing

@testable import Inspector

/// Client triage without a server: parsing, flags, groups, limits, replication fields.
@Suite struct ClientTriageUnitTests {
    static let line = Array(
        "id=42 addr=10.0.0.5:51234 laddr=10.0.0.1:6379 fd=9 name=batch age=7200 idle=5400 flags=b db=0 sub=0 psub=0 ssub=0 multi=-1 qbuf=2097152 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=1024 rbp=0 obl=0 oll=12 omem=52428800 tot-mem=54525952 events=rw cmd=blpop user=etl redir=-1 resp=2 lib-name=redis-py lib-ver=5.0.1"
            .utf8)

    @Test func clientListLinesGiveEveryFieldTriageNeeds() throws {
        let client = try #require(ClientInfo(line: Self.line))
        #expect(client.id == 42)
        #expect(client.host == "10.0.0.5")
        #expect(client.user == "etl")
        #expect(client.libraryName == "redis-py")
        #expect(client.libraryVersion == "5.0.1")
        #expect(client.queryBuffer == 2_097_152)
        #expect(client.outputMemory == 52_428_800)
        #expect(client.totalMemory == 54_525_952)
        #expect(client.bufferClass == .normal)
        #expect(ClientInfo(line: Array("id=1 addr=[::1]:6000 flags=P sub=2".utf8))?.host == "::1")
        #expect(ClientInfo(line: Array("id=1 addr=[::1]:6000 flags=P sub=2".utf8))?.bufferClass == .pubsub)
        #expect(ClientInfo(line: Array("id=1 addr=1.2.3.4:5 flags=S".utf8))?.bufferClass == .replica)
    }

    @Test func flagsFollowTheThresholdsAndTheServersLimits() throws {
        let client = try #require(ClientInfo(line: Self.line))
        let thresholds = ClientThresholds.default
        #expect(thresholds.flags(for: client) == [.outputBuffer, .queryBuffer, .idle, .blocked])
        var quiet = client
        quiet.outputMemory = 1 << 20
        quiet.queryBuffer = 0
        quiet.idleSeconds = 0
        quiet.flags = "N"
        #expect(thresholds.flags(for: quiet).isEmpty)
        // A pub/sub client at 60% of its class's 8 MB soft limit is near being cut off.
        var subscriber = quiet
        subscriber.flags = "P"
        subscriber.subscriptions = 1
        subscriber.outputMemory = 5 << 20
        let limits = OutputBufferLimit.parse("normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60")
        #expect(limits[.pubsub] == OutputBufferLimit(hard: 33_554_432, soft: 8_388_608, softSeconds: 60))
        #expect(limits[.normal]?.lowest == nil)
        #expect(thresholds.flags(for: subscriber, limits: limits) == [.outputBuffer, .pubsub])
        #expect(thresholds.flags(for: subscriber) == [.pubsub])
        // A query buffer that grew since the last look.
        var growing = quiet
        growing.queryBuffer = 100_000
        #expect(thresholds.flags(for: growing, previousQueryBuffer: 80_000) == [.queryBuffer])
        #expect(thresholds.flags(for: growing, previousQueryBuffer: 120_000).isEmpty)
        var tracking = quiet
        tracking.flags = "t"
        #expect(thresholds.flags(for: tracking) == [.tracking])
    }

    @Test func groupsSumTheirMembersAndTheHeaviestComesFirst() {
        func client(_ id: Int64, name: String, host: String, omem: Int64, cmd: String) -> ClientInfo {
            var c = ClientInfo(id: id, address: "\(host):\(1000 + id)", name: Array(name.utf8), lastCommand: cmd)
            c.outputMemory = omem
            c.totalMemory = omem + 20_000
            c.queryBuffer = 10
            return c
        }
        let clients = [
            client(1, name: "web", host: "10.0.0.1", omem: 0, cmd: "get"), client(2, name: "web", host: "10.0.0.1", omem: 0, cmd: "get"),
            client(3, name: "web", host: "10.0.0.1", omem: 0, cmd: "set"), client(4, name: "etl", host: "10.0.0.9", omem: 60 << 20, cmd: "get"),
            client(5, name: "web", host: "10.0.0.2", omem: 0, cmd: "get"),
        ]
        let groups = ClientGroup.group(clients, flags: [4: [.outputBuffer]])
        #expect(groups.map(\.ids) == [[4], [1, 2, 3], [5]])
        #expect(groups[0].flags == [.outputBuffer])
        #expect(groups[1].count == 3)
        #expect(groups[1].queryBuffer == 30)
        #expect(groups[1].totalMemory == 60_000)
        #expect(groups[1].commands.map(\.command) == ["get", "set"])
        #expect(groups[1].commands.map(\.count) == [2, 1])
        #expect(ClientSelector.group(groups[1].identity).matches(clients[0]))
        #expect(!ClientSelector.group(groups[1].identity).matches(clients[4]))
        #expect(ClientSelector.idleAtLeast(0).matches(clients[0]))
        #expect(ClientSelector.address("10.0.0.9").matches(clients[3]))
    }

    @Test func replicationFieldsGiveEachReplicasLag() {
        let primary = InfoSnapshot(
            parsing:
                "# Replication\r\nrole:master\r\nconnected_slaves:2\r\nslave0:ip=10.0.0.2,port=6380,state=online,offset=1000,lag=0\r\nslave1:ip=10.0.0.3,port=6380,state=send_bulk,offset=0,lag=14\r\nmaster_repl_offset:1500\r\n"
        )
        let status = ReplicationStatus(primary)
        #expect(!status.isReplica)
        #expect(status.replicas.map(\.address) == ["10.0.0.2:6380", "10.0.0.3:6380"])
        #expect(status.replicas.map(\.offsetLag) == [500, 1500])
        #expect(status.replicas.map(\.isSyncing) == [false, true])
        #expect(status.worstLagSeconds == 14)
        let replica = ReplicationStatus(
            InfoSnapshot(
                parsing:
                    "# Replication\r\nrole:slave\r\nmaster_host:10.0.0.1\r\nmaster_port:6379\r\nmaster_link_status:down\r\nmaster_last_io_seconds_ago:-1\r\nmaster_sync_in_progress:1\r\nmaster_sync_total_bytes:1000\r\nmaster_sync_read_bytes:250\r\n"
            ))
        #expect(replica.isReplica)
        #expect(replica.primaryAddress == "10.0.0.1:6379")
        #expect(replica.linkUp == false)
        #expect(replica.syncProgress == 0.25)
        #expect(replica.worstLagSeconds == nil)
    }

    @Test func killOutcomesSayTheyCannotBeUndone() {
        let outcome = ClientKillOutcome(killed: [1, 2], gone: [3])
        #expect(outcome.summary == "killed 2 clients (1,2) · 1 already gone (3) · cannot be undone")
    }
}
