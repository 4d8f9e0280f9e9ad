import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

/// Refusals and errors at the mutation layer itself: read-only, ACL without write rights,
/// replicas, lost connections, and what the audit log records about them.
@Suite struct MutationSafetyTests {
    @Test func readOnlyRefusesEveryChangeAtThisLayerAndLogsIt() async throws {
        try await MutationFixture.with { f in
            _ = try await f.redis.send("SET", "user:1", "alice")
            let service = f.service(readOnly: true)
            let key = Array("user:1".utf8)
            let plan = PatternPlan(
                pattern: GlobPattern("user:*"), typeFilter: nil, node: f.node, database: 0, count: 1,
                memoryBytes: 1, sample: [key], estimatedUndoable: 1, scannedAt: .now)
            let deletePlan = DeletePlan(undoable: [key], notUndoable: [], missing: [], undoableBytes: 1, notUndoableBytes: 0)
            let attempts: [@Sendable () async throws -> Void] = [
                { _ = try await service.expire(key, seconds: 10) },
                { _ = try await service.persist(key) },
                { _ = try await service.delete(key) },
                { _ = try await service.prepareDelete([key]) },
                { _ = try await service.delete(deletePlan) },
                { _ = try await service.undo() },
                { _ = try await service.undo(overwrite: true) },
                { _ = try await service.dryRun(GlobPattern("user:*")) },
                { _ = try await service.deleteMatching(plan) },
                { _ = try await service.expireMatching(plan, seconds: 10) },
            ]
            for attempt in attempts {
                await #expect(throws: MutationError.readOnly) { try await attempt() }
            }
            #expect(try await f.redis.send("GET", "user:1").string == "alice")
            #expect(try await f.int("TTL", "user:1") == -1)
            let lines = try f.auditLines()
            #expect(lines.count == attempts.count)
            #expect(lines.allSatisfy { $0["result"] as? String == "refused: read-only" })
            #expect(Set(lines.compactMap { $0["command"] as? String }) == ["EXPIRE", "PERSIST", "UNLINK", "RESTORE", "SCAN"])
            #expect(MutationError.readOnly.description.contains("read-only"))
        }
    }

    @Test func anACLUserWithoutWriteRightsGetsNOPERM() async throws {
        try await MutationFixture.with { f in
            let password = "reader-s3cret-pw"
            _ = try await f.redis.send("ACL", "SETUSER", "reader", "on", ">\(password)", "~*", "+@read")
            _ = try await f.redis.send("SET", "user:1", "alice")
            let reader = try await RedisConnection.connect(
                ConnectionOptions(
                    endpoint: RedisEndpoint(host: "127.0.0.1", port: f.redis.server.port), username: "reader", password: Secret(password)))
            defer { Task { await reader.close() } }
            let service = f.service(connection: reader)
            let attempts: [@Sendable () async throws -> Void] = [
                { _ = try await service.expire(Array("user:1".utf8), seconds: 10) },
                { _ = try await service.delete(Array("user:1".utf8)) },
            ]
            for attempt in attempts {
                do {
                    try await attempt()
                    Issue.record("expected NOPERM")
                } catch let error as MutationError {
                    guard case .permissionDenied(let node, _, let message) = error else {
                        Issue.record("\(error)")
                        continue
                    }
                    #expect(node == f.node)
                    #expect(message.hasPrefix("NOPERM"))
                    #expect(error.description.contains("no right"))
                }
            }
            #expect(try await f.redis.send("GET", "user:1").string == "alice")
            #expect(try await f.int("TTL", "user:1") == -1)
            #expect(await service.undoDepth == 0, "a refused UNLINK leaves nothing to undo")
            let lines = try f.auditLines()
            #expect(lines.count == 2)
            #expect(lines.allSatisfy { ($0["result"] as? String)?.hasPrefix("error: ") == true })
            let text = try String(contentsOfFile: f.auditPath, encoding: .utf8)
            #expect(!text.contains(password), "the password never reaches the audit log")
        }
    }

    @Test func aReplicaRefusesWithREADONLY() async throws {
        try await MutationFixture.with { f in
            let replica = try LocalRedisServer.start(["--replicaof", "127.0.0.1", "\(f.redis.server.port)"])
            defer { replica.stop() }
            let connection = try await RedisConnection.connect(ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: replica.port)))
            defer { Task { await connection.close() } }
            let service = MutationService(connection: connection, node: replica.endpointDescription, readOnly: false, auditLog: f.log)
            await #expect(throws: MutationError.replica(node: replica.endpointDescription, command: "EXPIRE")) {
                _ = try await service.expire(Array("k".utf8), seconds: 10)
            }
            #expect(MutationError.replica(node: "n", command: "EXPIRE").description.contains("replica"))
        }
    }

    @Test func aLostConnectionSaysWhatIsKnown() async throws {
        try await MutationFixture.with { f in
            let other = try await f.redis.connect()
            await other.close()
            let service = f.service(connection: other)
            do {
                _ = try await service.expire(Array("k".utf8), seconds: 10)
                Issue.record("expected a connection error")
            } catch let error as MutationError {
                guard case .connectionLost = error else {
                    Issue.record("\(error)")
                    return
                }
                #expect(error.description.contains(f.node))
                #expect(error.description.contains("may or may not"))
            }
        }
    }

    @Test func movedNamesTheOwningNode() {
        let error = MutationError.reply("MOVED 3999 127.0.0.1:6381", node: "127.0.0.1:6379", command: "UNLINK")
        #expect(error == .moved(node: "127.0.0.1:6379", command: "UNLINK", slot: 3999, owner: "127.0.0.1:6381"))
        #expect(error.description.contains("owned by 127.0.0.1:6381"))
    }

    @Test func auditLinesAreJSONWithEscapedKeys() async throws {
        try await MutationFixture.with { f in
            let binary: [UInt8] = [0x62, 0x00, 0xff, 0x5c, 0x1b, 0x22]
            _ = try await f.redis.send("SET", binary, "x")
            try await f.redis.run(MutationFixture.sets("tmp:", 25))
            let service = f.service()
            _ = try await service.expire(binary, seconds: 60)
            let plan = try await service.dryRun(GlobPattern("tmp:*"))
            _ = try await service.deleteMatching(plan, rate: 1_000_000, batchSize: 100)
            let lines = try f.auditLines()
            #expect(lines.count == 2)
            let expire = lines[0]
            let time = try #require(expire["time"] as? String)
            #expect(time.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil, "\(time)")
            #expect(expire["node"] as? String == f.node)
            #expect(expire["db"] as? Int == 0)
            #expect(expire["command"] as? String == "EXPIRE")
            #expect(expire["keys"] as? [String] == [#"b\x00\xff\\\x1b""#])
            #expect(expire["keyCount"] as? Int == 1)
            #expect(expire["result"] as? String == "ok")
            let bulk = lines[1]
            #expect(bulk["command"] as? String == "UNLINK")
            #expect((bulk["keys"] as? [String])?.count == 20)
            #expect(bulk["moreKeys"] as? Int == 5)
            #expect(bulk["keyCount"] as? Int == 25)
            #expect(bulk["pattern"] as? String == "tmp:*")
            #expect(bulk["result"] as? String == "ok")
        }
    }

    @Test func auditLogDefaultPathFollowsXDG() throws {
        #expect(AuditLog.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/cachescope/audit.log")
        #expect(AuditLog.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/cachescope/audit.log")
        #expect(AuditLog.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/cachescope/audit.log")
        #expect(AuditEntry.escape(Array("a\\b\n".utf8)) == #"a\\b\x0a"#)
        #expect(AuditEntry.json("q\"\u{01}") == #""q\"\u0001""#)
    }
}
