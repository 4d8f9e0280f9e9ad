import LocalRedis
import RESP
import Testing

@testable import RedisClient

/// Shared helpers: options pointing at a private server.
extension LocalRedisServer {
    func options(
        password: String? = nil, username: String? = nil, database: Int = 0, tls: TLSOptions? = nil,
        commandTimeout: Duration = .seconds(5), preferredProtocol: Int = 3
    ) -> ConnectionOptions {
        ConnectionOptions(
            endpoint: RedisEndpoint(host: "127.0.0.1", port: port), username: username,
            password: password.map { Secret($0) }, database: database, tls: tls,
            connectTimeout: .seconds(5), commandTimeout: commandTimeout, preferredProtocol: preferredProtocol)
    }
}

/// Runs `body` against a fresh server and stops it afterwards.
func withRedis<T>(
    _ arguments: [String] = [], tls: TLSCertificates? = nil,
    _ body: (LocalRedisServer) async throws -> T
) async throws -> T {
    let server = try LocalRedisServer.start(arguments, tls: tls)
    defer { server.stop() }
    return try await body(server)
}

/// The error `body` throws, as a ``RedisError``.
func redisError(_ body: () async throws -> Void) async -> RedisError? {
    do {
        try await body()
        return nil
    } catch let error as RedisError {
        return error
    } catch {
        Issue.record("not a RedisError: \(error)")
        return nil
    }
}
