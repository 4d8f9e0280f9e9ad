import AppCore
import Foundation
import Inspector
import RedisClient
import Runtime
import Synchronization
import TerminalUI

/// The dashboard itself (AppRuntime with its real network side, drawing into buffers instead of a
/// terminal) subscribed with `:sub` to a ``PubSubFrameServer`` that floods it at a paced rate:
/// keypress → frame (the help overlay opened and closed every 100 ms) while the flood runs, how far
/// behind its subscriber got, and the process's RSS.
///
/// The frame server also answers the dashboard's other connections (errors for INFO and the like):
/// the overview shows the node failing, which costs nothing here.
enum PubSubResponsiveness {
    struct Result: Sendable {
        var latencies: [Double]
        var outcome: FrameStream.Outcome
        /// The pane's "N counted" once the flood was read (formatted, e.g. `5.00M`).
        var countShown: String
        var rssBefore: Int
        var rssPeak: Int
        var rssAfter: Int
    }

    static func measure(server: PubSubFrameServer, rate: Int, seconds: Double) async throws -> Result {
        let options = ConnectionOptions(endpoint: RedisEndpoint(host: "127.0.0.1", port: server.port), commandTimeout: .seconds(5))
        let state = AppState(addresses: ["127.0.0.1:\(server.port)"], width: 160, height: 48, now: MonotonicClock.now())
        let probe = FrameProbe()
        let runtime = AppRuntime(
            state: state, connections: [ManagedConnection(options: options)], frameSink: { probe.receive($0) },
            dumpDirectory: NSTemporaryDirectory(), auditLog: nil)
        let running = Task { await runtime.run() }
        func quit() async {
            runtime.send(.terminal(.key(.character("q"))))
            _ = await running.value
        }
        try await Task.sleep(for: .milliseconds(300))
        _ = await probe.time({ runtime.send(.terminal(.key(.character("4")))) }, until: { $0.contains("Pub/Sub") })
        runtime.send(.terminal(.key(.character(":"))))
        for character in "sub \(PubSubBenchmark.channel)" { runtime.send(.terminal(.key(.character(character)))) }
        runtime.send(.terminal(.key(.enter)))
        let stream: FrameStream
        do {
            stream = try await FrameStream.onThread { try server.nextSubscriber() }
        } catch {
            await quit()
            throw error
        }

        let rssBefore = ProcessMemory.residentBytes()
        let sampler = RSSSampler()
        let flood = Task.detached { try await FrameStream.onThread { try stream.paced(rate: rate, seconds: seconds) } }
        let floodDone = Flag()
        let watcher = Task.detached {
            _ = try? await flood.value
            floodDone.value.store(true, ordering: .relaxed)
        }
        var latencies: [Double] = []
        while !floodDone.value.load(ordering: .relaxed) {
            latencies.append(await probe.time({ runtime.send(.terminal(.key(.character("?")))) }, until: { $0.contains("Help: Pub/Sub") }))
            latencies.append(await probe.time({ runtime.send(.terminal(.key(.escape))) }, until: { !$0.contains("Help: Pub/Sub") }))
            try await Task.sleep(for: .milliseconds(100))
        }
        await watcher.value
        let rssPeak = sampler.finish()
        let outcome: FrameStream.Outcome
        do {
            outcome = try await flood.value
        } catch {
            await quit()
            throw error
        }
        // The pane's count, once the last batch (drained every 100 ms) is in.
        let expected = Formatting.number(Double(outcome.messages))
        _ = await probe.wait(for: { $0.contains("\(expected) counted") }, timeout: .seconds(3))
        let shown =
            probe.text.split(separator: "\n").lazy.compactMap { line -> String? in
                guard let range = line.range(of: " counted") else { return nil }
                return line[..<range.lowerBound].split(separator: " ").last.map(String.init)
            }.first ?? "?"
        await quit()
        stream.close()
        return Result(
            latencies: latencies, outcome: outcome, countShown: shown, rssBefore: rssBefore, rssPeak: rssPeak,
            rssAfter: ProcessMemory.residentBytes())
    }
}
