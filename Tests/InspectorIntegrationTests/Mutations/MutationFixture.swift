import Foundation
import LocalRedis
import RESP
import RedisClient
import Testing

@testable import Inspector

/// A private redis-server, a fresh audit log in a temporary directory, and services over them.
struct MutationFixture {
    let redis: RedisFixture
    let stateDirectory: String
    let log: AuditLog

    var node: String { redis.server.endpointDescription }
    var auditPath: String { log.path }

    static func with<R>(_ arguments: [String] = [], _ body: (MutationFixture) async throws -> R) async throws -> R {
        try await RedisFixture.with(arguments) { redis in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-audit-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let log = try AuditLog(path: directory + "/state/cachescope/audit.log")
            return try await body(MutationFixture(redis: redis, stateDirectory: directory, log: log))
        }
    }

    /// A service on the fixture's connection (or `connection`).
    func service(
        readOnly: Bool = false, undoBudget: Int = MutationService.defaultUndoBudget,
        connection: (any RedisPipelining)? = nil
    ) -> MutationService {
        MutationService(
            connection: connection ?? redis.connection, node: node, database: 0, readOnly: readOnly,
            auditLog: log, undoBudget: undoBudget)
    }

    /// The audit log's lines parsed as JSON objects.
    func auditLines() throws -> [[String: Any]] {
        let text = try String(contentsOfFile: auditPath, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            guard let dictionary = object as? [String: Any] else { throw KeyspaceError.unexpectedReply(command: "audit line") }
            return dictionary
        }
    }

    /// `SET` commands for `count` keys named `prefix` + index.
    static func sets(_ prefix: String, _ count: Int, value: String = "v", extra: [String] = []) -> [RedisCommand] {
        (0..<count).map { RedisCommand("SET", arguments: ["\(prefix)\($0)", value] + extra) }
    }

    func int(_ name: String, _ arguments: any RedisArgument...) async throws -> Int64 {
        try #require(try await redis.connection.send(RedisCommand(name, arguments: arguments)).int)
    }
}
