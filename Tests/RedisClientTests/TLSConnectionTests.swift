import LocalRedis
import RESP
import Testing

@testable import RedisClient

@Suite("TLS", .timeLimit(.minutes(2)))
struct TLSConnectionTests {
    @Test("TLS with the right CA and a client certificate connects; a wrong CA fails verification; --insecure connects")
    func tls() async throws {
        let certificates = try TLSCertificates.generate()
        let otherCA = try TLSCertificates.generate()
        try await withRedis(tls: certificates) { server in
            let trusted = TLSOptions(
                caCertificatePath: certificates.caCertificatePath,
                certificatePath: certificates.clientCertificatePath,
                privateKeyPath: certificates.clientKeyPath)
            let connection = try await RedisConnection.connect(server.options(tls: trusted))
            #expect(try await connection.send(RedisCommand("PING")).string == "PONG")
            await connection.close()

            let byName = try await RedisConnection.connect(
                ConnectionOptions(
                    endpoint: RedisEndpoint(host: "localhost", port: server.port), tls: trusted))
            #expect(try await byName.send(RedisCommand("PING")).string == "PONG")
            await byName.close()

            var sni = trusted
            sni.serverName = "localhost"
            let named = try await RedisConnection.connect(server.options(tls: sni))
            #expect(try await named.send(RedisCommand("PING")).string == "PONG")
            await named.close()
            // (A wrong --sni is still accepted here: NIOSSL also accepts the certificate's IP SAN,
            // and the test certificate names 127.0.0.1.)

            let wrongCA = TLSOptions(caCertificatePath: otherCA.caCertificatePath)
            let error = await redisError { _ = try await RedisConnection.connect(server.options(tls: wrongCA)) }
            #expect(error?.kind == .tls)
            #expect(error?.description.hasPrefix("127.0.0.1:\(server.port): certificate verify failed") == true)

            let insecure = TLSOptions(caCertificatePath: otherCA.caCertificatePath, verifyPeer: false)
            let unverified = try await RedisConnection.connect(server.options(tls: insecure))
            #expect(try await unverified.send(RedisCommand("PING")).string == "PONG")
            await unverified.close()
        }
    }

    @Test("a missing CA file is a configuration error naming the file")
    func missingFile() async {
        let error = await redisError {
            _ = try await RedisConnection.connect(ConnectionOptions(tls: TLSOptions(caCertificatePath: "/nonexistent/ca.pem")))
        }
        #expect(error?.kind == .configuration)
        #expect(error?.description.contains("/nonexistent/ca.pem") == true)
    }
}
