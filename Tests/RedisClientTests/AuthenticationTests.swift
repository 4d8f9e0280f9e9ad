import LocalRedis
import RESP
import Testing

@testable import RedisClient

@Suite("Authentication, ACL and protocol fallback", .timeLimit(.minutes(2)))
struct AuthenticationTests {
    static let password = "s3cret-Pa55word"

    @Test("AUTH with the right password works, a wrong one is WRONGPASS without the password in the message")
    func password() async throws {
        try await withRedis(["--requirepass", Self.password]) { server in
            let good = try await RedisConnection.connect(server.options(password: Self.password))
            #expect(try await good.send(RedisCommand("PING")).string == "PONG")
            await good.close()

            let wrong = "wrong-Pa55word-xyz"
            let error = await redisError { _ = try await RedisConnection.connect(server.options(password: wrong)) }
            #expect(error?.kind == .authentication)
            #expect(error?.description.hasPrefix("127.0.0.1:\(server.port): WRONGPASS") == true)
            #expect(error?.description.contains(wrong) == false)
            #expect(error?.description.contains(Self.password) == false)

            let none = await redisError {
                let connection = try await RedisConnection.connect(server.options())
                _ = try await connection.send(RedisCommand("GET", "k"))
            }
            #expect(none?.kind == .authentication)
            #expect(none?.description.contains("NOAUTH") == true)
        }
    }

    @Test("an ACL user is authenticated and denied a command with NOPERM")
    func aclUser() async throws {
        try await withRedis(["--user", "reader", "on", ">reader-pw", "~*", "+get", "+ping", "+client"]) { server in
            let connection = try await RedisConnection.connect(server.options(password: "reader-pw", username: "reader"))
            #expect(try await connection.send(RedisCommand("PING")).string == "PONG")
            #expect(try await connection.send(RedisCommand("GET", "k")).isNull)
            let error = await redisError { _ = try await connection.send(RedisCommand("SET", "k", "v")) }
            #expect(error?.kind == .permission)
            #expect(error?.description.contains("NOPERM") == true)
            #expect(error?.description.contains("reader-pw") == false)
            await connection.close()

            let wrongUser = await redisError {
                _ = try await RedisConnection.connect(server.options(password: "reader-pw", username: "nobody"))
            }
            #expect(wrongUser?.kind == .authentication)
        }
    }

    @Test("a server without HELLO gets RESP2 with AUTH and CLIENT SETNAME")
    func fallbackWhenHelloIsUnknown() async throws {
        try await withRedis(["--requirepass", Self.password, "--rename-command", "HELLO", ""]) { server in
            let connection = try await RedisConnection.connect(server.options(password: Self.password))
            #expect(connection.protocolVersion == 2)
            #expect(try await connection.send(RedisCommand("PING")).string == "PONG")
            #expect(try await connection.send(RedisCommand("CLIENT", "GETNAME")).string == "cachescope")
            // RESP2 maps arrive as flat arrays and are read as pairs.
            _ = try await connection.send(RedisCommand("HSET", "h", "f", "v"))
            let hash = try await connection.send(RedisCommand("HGETALL", "h"))
            #expect(hash.pairs?.first?.key.string == "f")
            let wrong = await redisError { _ = try await RedisConnection.connect(server.options(password: "nope-pw")) }
            #expect(wrong?.kind == .authentication)
            await connection.close()
        }
    }

    @Test("forcing protocol 2 never sends HELLO")
    func forcedResp2() async throws {
        try await withRedis { server in
            let connection = try await RedisConnection.connect(server.options(preferredProtocol: 2))
            #expect(connection.protocolVersion == 2)
            let info = try await connection.send(RedisCommand("CLIENT", "INFO"))
            #expect(info.string?.contains("resp=2") == true)
            #expect(info.string?.contains("name=cachescope") == true)
            await connection.close()
        }
    }
}
