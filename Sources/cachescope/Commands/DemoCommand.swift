import AppCore
import ArgumentParser
import Foundation
import LocalRedis
import RedisClient

/// `cachescope demo`: a private redis-server on a free loopback port, filled with the seed's
/// cache world and driven by live traffic, with the dashboard open on it. The server stops
/// when the dashboard closes. With `--cluster`, the same on a local three-primary cluster.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start a private redis-server with a realistic cache world and live traffic, and open the dashboard on it."
    )

    @OptionGroup var display: DisplayArguments

    @Flag(name: .long, help: "Run the demo on a local Redis Cluster: three primaries with one replica each.")
    var cluster = false

    func run() async throws {
        if cluster { return try await runCluster() }
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
        let listeners = await DemoTraffic.invalidationListeners(options)
        let connection = try ConnectionArguments.parse(["redis://127.0.0.1:\(server.port)"])
        let target = try ResolvedTarget.resolve(connection, display)
        let status = await DashboardSession.run(target: target, display: display, extraStatus: "demo: private redis-server on 127.0.0.1:\(server.port), pid \(server.pid); it stops when you quit")
        traffic.cancel()
        for listener in listeners { await listener.close() }
        await writer.close()
        throw ExitCode(status)
    }

    /// `demo --cluster`: six private redis-servers joined into a cluster, the world written
    /// through slot routing, the traffic routed the same way, the dashboard in cluster mode.
    private func runCluster() async throws {
        let local: LocalRedisCluster
        do {
            local = try LocalRedisCluster.start(primaries: 3, replicasPerPrimary: 1, extraArguments: ["--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"])
        } catch {
            FileHandle.standardError.write(Data("cachescope demo: \(error)\n".utf8))
            throw ExitCode(1)
        }
        defer { local.stop() }
        let seeds = local.primaries.map { ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: $0.port)) }
        let writer = ClusterClient(seeds: seeds)
        do {
            try await writer.connect()
            try await DemoWorld.fill(writer)
        } catch {
            await writer.close()
            FileHandle.standardError.write(Data("cachescope demo: could not fill the demo cluster: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let traffic = Task.detached { await DemoTraffic(connection: writer).run() }
        let connection = try ConnectionArguments.parse(["-c"] + local.primaries.map { "redis://127.0.0.1:\($0.port)" })
        let target = try ResolvedTarget.resolve(connection, display)
        let pids = local.pids.map(String.init).joined(separator: ",")
        let status = await DashboardSession.run(target: target, display: display, extraStatus: "demo: private cluster of \(local.nodes.count) redis-servers (pids \(pids)); they stop when you quit")
        traffic.cancel()
        await writer.close()
        throw ExitCode(status)
    }
}
