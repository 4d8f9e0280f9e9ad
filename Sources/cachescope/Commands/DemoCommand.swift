import AppCore
import ArgumentParser
import Foundation
import LocalRedis
import RedisClient

/// `cachescope demo`: a private redis-server on a free loopback port, filled with the seed's
/// cache world and driven by live traffic, with the dashboard open on it. The server stops
/// when the dashboard closes.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start a private redis-server with a realistic cache world and live traffic, and open the dashboard on it."
    )

    @OptionGroup var display: DisplayArguments

    func run() async throws {
        let server: LocalRedisServer
        do {
            // A memory limit so the memory gauge and the eviction policy mean something.
            server = try LocalRedisServer.start(["--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"])
        } catch {
            FileHandle.standardError.write(Data("cachescope demo: \(error)\n".utf8))
            throw ExitCode(1)
        }
        defer { server.stop() }
        let options = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port))
        let writer: RedisConnection
        do {
            writer = try await RedisConnection.connect(options)
            try await DemoWorld.fill(writer)
        } catch {
            FileHandle.standardError.write(Data("cachescope demo: could not fill the demo server: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let traffic = Task.detached { await DemoTraffic(connection: writer).run() }
        let connection = try ConnectionArguments.parse(["redis://127.0.0.1:\(server.port)"])
        let target = try ResolvedTarget.resolve(connection, display)
        let status = await DashboardSession.run(target: target, display: display, extraStatus: "demo: private redis-server on 127.0.0.1:\(server.port), pid \(server.pid); it stops when you quit")
        traffic.cancel()
        await writer.close()
        throw ExitCode(status)
    }
}
