import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

/// Client triage against a real redis-server: a consumer that stopped reading is flagged, a kill
/// by group disconnects exactly its ids and is audited, read-only refuses, cachescope's own
/// connections are never offered.
@Suite struct ClientTriageTests {
    @Test func aClientThatStopsReadingIsFlaggedAndGroupedWithItsBuffers() async throws {
        try await MutationFixture.with { f in
            _ = try await f.redis.connection.send(RedisCommand("SET", "big", [UInt8](repeating: 120, count: 1 << 20)))
            // 80 × GET of a 1 MB value, never read: about 80 MB queued for this client.
            let stalled = try StalledClient(port: f.redis.server.port, name: "batchjob", requests: String(repeating: "GET big\r\n", count: 80))
            defer { stalled.close() }
            var report = try await ClientsReport.fetch(from: f.redis.connection)
            for _ in 0..<50 {
                if let client = report.clients.first(where: { $0.name == Array("batchjob".utf8) }), client.outputMemory > 50 << 20 { break }
                try await Task.sleep(for: .milliseconds(100))
                report = try await ClientsReport.fetch(from: f.redis.connection, previous: report)
            }
            let client = try #require(report.clients.first { $0.name == Array("batchjob".utf8) })
            #expect(client.outputMemory > 50 << 20, "omem \(client.outputMemory)")
            #expect(report.flags[client.id]?.contains(.outputBuffer) == true)
            let group = try #require(report.groups.first)
            #expect(group.ids == [client.id], "the heaviest group comes first")
            #expect(group.flags.contains(.outputBuffer))
            #expect(report.limits[.pubsub]?.hard == 32 << 20)
            // INFO's per-type client memory is updated by the server's cron: present, not yet exact.
            #expect(report.normalClientsMemory != nil)
            #expect((report.usedMemory ?? 0) > client.outputMemory)
            #expect(report.trackingKeys == 0)
            #expect(report.topConsumers(1).map(\.id) == [client.id])
            #expect(report.errors.isEmpty)
        }
    }

    @Test func killingAGroupDisconnectsExactlyItsIdsAndIsAudited() async throws {
        try await MutationFixture.with { f in
            let port = f.redis.server.port
            let workers = try (0..<3).map { _ in try StalledClient(port: port, name: "worker", requests: "") }
            let other = try StalledClient(port: port, name: "web", requests: "")
            defer { (workers + [other]).forEach { $0.close() } }
            var report = try await ClientsReport.fetch(from: f.redis.connection)
            for _ in 0..<50 where report.clients.filter({ $0.name == Array("worker".utf8) }).count < 3 {
                try await Task.sleep(for: .milliseconds(50))
                report = try await ClientsReport.fetch(from: f.redis.connection)
            }
            let group = try #require(report.groups.first { $0.identity.name == Array("worker".utf8) })
            #expect(group.count == 3)

            let service = f.service()
            let plan = try await service.planClientKill(.group(group.identity))
            #expect(plan.ids == group.ids)
            #expect(plan.confirmationWord == f.node)
            let outcome = try await service.killClients(plan)
            #expect(outcome.killed == group.ids)
            let after = try await ClientsReport.fetch(from: f.redis.connection)
            #expect(!after.clients.contains { group.ids.contains($0.id) })
            #expect(after.clients.contains { $0.name == Array("web".utf8) }, "only the group went")
            let audit = try #require(try f.auditLines().last)
            #expect(audit["command"] as? String == "CLIENT KILL")
            let detail = try #require(audit["detail"] as? String)
            for id in group.ids { #expect(detail.contains("\(id)@127.0.0.1:")) }
            #expect(detail.contains("/worker"))
        }
    }

    @Test func readOnlyRefusesAndOwnConnectionsAreNeverOffered() async throws {
        try await MutationFixture.with { f in
            // The fixture's own connection is named like cachescope's.
            _ = try await f.redis.connection.send(RedisCommand("CLIENT", "SETNAME", "cachescope"))
            let ownID = try #require(try await f.redis.connection.send(RedisCommand("CLIENT", "ID")).int)
            let everyone = try await f.service().planClientKill(.idleAtLeast(0))
            #expect(!everyone.ids.contains(ownID))
            #expect(everyone.ownSkipped >= 1)

            let stranger = try StalledClient(port: f.redis.server.port, name: "stranger", requests: "")
            defer { stranger.close() }
            try await Task.sleep(for: .milliseconds(100))
            let readOnly = f.service(readOnly: true)
            let plan = try await readOnly.planClientKill(.idleAtLeast(0))
            #expect(!plan.clients.isEmpty)
            await #expect(throws: MutationError.self) { try await readOnly.killClients(plan) }
            let after = try await ClientsReport.fetch(from: f.redis.connection)
            #expect(after.clients.contains { $0.name == Array("stranger".utf8) }, "nothing was killed")
            let audit = try #require(try f.auditLines().last)
            #expect(audit["command"] as? String == "CLIENT KILL")
            #expect((audit["result"] as? String)?.contains("read-only") == true)
        }
    }
}
