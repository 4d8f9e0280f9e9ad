import Foundation
import LocalRedis
import RESP
import RedisClient

@testable import Inspector

/// A private redis-server plus connections for the keyspace and value tests.
/// A missing redis-server fails the test with LocalRedis' message (never a skip).
struct RedisFixture {
    let server: LocalRedisServer
    let connection: RedisConnection

    static func start(_ arguments: [String] = []) async throws -> RedisFixture {
        let server = try LocalRedisServer.start(arguments)
        let connection = try await RedisConnection.connect(
            ConnectionOptions(
                endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port), commandTimeout: .seconds(20)))
        return RedisFixture(server: server, connection: connection)
    }

    /// Another connection to the same server.
    func connect() async throws -> RedisConnection {
        try await RedisConnection.connect(
            ConnectionOptions(
                endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port), commandTimeout: .seconds(20)))
    }

    func stop() async {
        await connection.close()
        server.stop()
    }

    /// Runs `body` with a started fixture and always stops it.
    static func with<R>(_ arguments: [String] = [], _ body: (RedisFixture) async throws -> R) async throws -> R {
        let fixture = try await start(arguments)
        do {
            let result = try await body(fixture)
            await fixture.stop()
            return result
        } catch {
            await fixture.stop()
            throw error
        }
    }

    /// Sends commands in pipelines of 1000, failing on any error reply.
    func run(_ commands: [RedisCommand]) async throws {
        var start = 0
        while start < commands.count {
            let chunk = Array(commands[start..<min(start + 1000, commands.count)])
            for reply in try await connection.pipeline(chunk) {
                if let message = reply.errorMessage { throw KeyspaceError.server(command: "setup", message: message) }
            }
            start += 1000
        }
    }

    /// One command's reply.
    func send(_ name: String, _ arguments: any RedisArgument...) async throws -> RESPValue {
        try await connection.send(RedisCommand(name, arguments: arguments))
    }

    /// Keys matching `pattern` counted with a plain SCAN on a separate connection (the reference
    /// the index is checked against).
    func scanKeys(matching pattern: String = "*") async throws -> Set<[UInt8]> {
        let other = try await connect()
        var keys = Set<[UInt8]>()
        var cursor = "0"
        repeat {
            let reply = try await other.send(RedisCommand("SCAN", cursor, "MATCH", pattern, "COUNT", 1000))
            cursor = reply.array![0].string!
            for key in reply.array![1].array! { keys.insert(key.bytes!) }
        } while cursor != "0"
        await other.close()
        return keys
    }
}
