import Foundation
import Testing

@testable import LocalRedis

@Suite("Private redis-server processes", .timeLimit(.minutes(1)))
struct LocalRedisServerTests {
    @Test("start, stop by pid, restart on the same port")
    func lifecycle() throws {
        let server = try LocalRedisServer.start(["--maxmemory", "10mb"])
        let firstPid = server.pid
        #expect(firstPid > 0)
        #expect(server.endpointDescription == "127.0.0.1:\(server.port)")
        #expect(FileManager.default.fileExists(atPath: server.logPath))
        server.stop()
        #expect(server.pid == 0)
        #expect(kill(firstPid, 0) != 0)
        try server.restart()
        #expect(server.pid > 0 && server.pid != firstPid)
        #expect(FreePort.accepts(server.port))
        server.stop()
        server.stop()  // idempotent
    }

    @Test("two servers get different free ports")
    func distinctPorts() throws {
        let first = try LocalRedisServer.start()
        let second = try LocalRedisServer.start()
        #expect(first.port != second.port)
        #expect(first.directory != second.directory)
        first.stop()
        second.stop()
    }

    @Test("certificates are generated with openssl")
    func certificates() throws {
        let certificates = try TLSCertificates.generate()
        for path in [
            certificates.caCertificatePath, certificates.serverCertificatePath, certificates.serverKeyPath,
            certificates.clientCertificatePath, certificates.clientKeyPath,
        ] {
            #expect(FileManager.default.fileExists(atPath: path), "\(path)")
        }
    }

    @Test("the server is found and says its version; when missing the error says to install it")
    func executable() throws {
        let binary = try ServerBinary.current()
        #expect(try LocalRedisServer.executablePath() == binary.path)
        #expect(["redis", "valkey"].contains(binary.name))
        #expect(binary.path.hasSuffix("\(binary.name)-server"))
        #expect(binary.isAtLeast(7))
        #expect(LocalRedisError.redisServerMissing.description.contains("install redis-server"))
    }

    @Test("CACHESCOPE_TEST_SERVER naming no program fails with a message that names it, never falls back")
    func missingNamedServer() {
        let missing = "/nonexistent/valkey-server"
        #expect {
            _ = try ServerBinary.resolve([ServerBinary.environmentVariable: missing, "PATH": "/usr/bin:/bin"])
        } throws: { error in
            "\(error)".contains("CACHESCOPE_TEST_SERVER=\(missing) is not an executable file")
        }
    }

    @Test("--version banners of Redis and Valkey give the name and version")
    func banners() throws {
        let redis = try #require(ServerBinary.parse("Redis server v=8.2.3 sha=b5d43ceb:0 malloc=jemalloc-5.3.0 bits=64 build=a4a1616166d42ee6"))
        #expect(redis.name == "redis" && redis.version == "8.2.3")
        let valkey = try #require(ServerBinary.parse("Valkey server v=8.1.8 sha=00000000:1 malloc=libc bits=64 build=7eb4ebc9d7e91f4e"))
        #expect(valkey.name == "valkey" && valkey.version == "8.1.8")
        #expect(ServerBinary.parse("usage: something else") == nil)
        let binary = ServerBinary(path: "/x/valkey-server", name: "valkey", version: "8.1.8")
        #expect(binary.isAtLeast(8, 1) && !binary.isAtLeast(8, 2) && !binary.isAtLeast(9))
        #expect(binary.description == "valkey 8.1.8 (/x/valkey-server)")
    }

    @Test("a bad argument makes start fail with the server's reason")
    func badArgument() {
        #expect(throws: LocalRedisError.self) {
            _ = try LocalRedisServer.start(["--no-such-option", "1"])
        }
    }
}

@Suite("Private Redis Cluster", .timeLimit(.minutes(1)))
struct LocalRedisClusterTests {
    @Test("three primaries with one replica each start healthy within seconds and stop by pid")
    func startAndStop() throws {
        let started = Date()
        let cluster = try LocalRedisCluster.start(primaries: 3, replicasPerPrimary: 1)
        let elapsed = Date().timeIntervalSince(started)
        let pids = cluster.pids
        #expect(pids.count == 6)
        #expect(Set(cluster.ports).count == 6)
        #expect(cluster.primaries.compactMap(\.slots).map(\.count).reduce(0, +) == 16384)
        #expect(cluster.replicas(ofPrimary: 2).count == 1)
        #expect(elapsed < 15, "cluster start took \(elapsed) s")
        print("local cluster started in \(String(format: "%.2f", elapsed)) s")
        let stopping = Date()
        cluster.stop()
        print("local cluster stopped in \(String(format: "%.2f", Date().timeIntervalSince(stopping))) s")
        #expect(Date().timeIntervalSince(stopping) < 5)
        #expect(cluster.pids.isEmpty)
        for pid in pids { #expect(kill(pid, 0) != 0) }
    }
}
