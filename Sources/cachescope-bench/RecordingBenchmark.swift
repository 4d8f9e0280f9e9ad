import AppCore
import Foundation
import Inspector
import Recording
import Runtime

/// How big a recording grows and what recording costs: 100 nodes sampled every second, the
/// samples written by the real writer; the bytes per sample (indexes included) extrapolated to
/// 24 h, and the CPU of the dashboard's loop (update + frame per sample) with and without the
/// recorder's tap and writer, over the same messages.
enum RecordingBenchmark {
    static let nodes = 100
    static let goalBytes = 500.0 * 1024 * 1024

    static func run() async throws {
        let seconds = Int(ProcessInfo.processInfo.environment["CACHESCOPE_BENCH_RECORD_SECONDS"] ?? "") ?? 600
        let messages = workload(seconds: seconds)
        let off = try measure(messages, recording: false)
        let on = try measure(messages, recording: true)
        let samples = Double(nodes * seconds)
        let empty = try emptyFileBytes()
        // The empty file (schema pages) is paid once; what grows is per sample.
        let perSample = Double(on.bytes - empty) / samples
        let day = perSample * Double(nodes) * 86_400
        print("| figure | value | goal |")
        print("|---|---|---|")
        print("| samples written (\(nodes) nodes × \(seconds) s) | \(Int(samples)) | |")
        print(String(format: "| file size (WAL checkpointed) | %.1f MB (empty file: %d KB) | |", Double(on.bytes) / 1_048_576, empty / 1024))
        print(String(format: "| bytes per sample, incl. indexes and node_states | %.1f | ≤ 58 |", perSample))
        print(String(format: "| 100 nodes at 1 s for 24 h | %.0f MB | ≤ 500 MB |", day / 1_048_576))
        print(String(format: "| dashboard loop CPU, recorder off | %.2f s | |", off.cpu))
        print(String(format: "| dashboard loop CPU, recorder on | %.2f s | |", on.cpu))
        print(String(format: "| CPU the recorder adds | %.1f%% | ≤ 5%% |", (on.cpu / off.cpu - 1) * 100))
    }

    /// `seconds` rounds of one sample per node, with counters that move like a busy cache's.
    static func workload(seconds: Int) -> [AppMessage] {
        var messages: [AppMessage] = []
        messages.reserveCapacity(seconds * nodes)
        for second in 0..<seconds {
            for node in 0..<nodes {
                let base = Int64(node * 1_000_000 + second * 5_000)
                let info = InfoSnapshot(
                    parsing: """
                        # Server\r\nredis_version:7.0.15\r\nuptime_in_seconds:\(1000 + second)\r\nrun_id:r\(node)\r\n\
                        # Clients\r\nconnected_clients:\(40 + node % 7)\r\nblocked_clients:0\r\n\
                        # Memory\r\nused_memory:\(1_000_000_000 + node * 1000 + (second % 60) * 4096)\r\nmaxmemory:2000000000\r\nmaxmemory_policy:allkeys-lru\r\n\
                        # Stats\r\ntotal_commands_processed:\(base)\r\nkeyspace_hits:\(base * 9 / 10)\r\nkeyspace_misses:\(base / 10)\r\n\
                        evicted_keys:\(second / 3)\r\nexpired_keys:\(second * 2)\r\n\
                        # Replication\r\nrole:master\r\n\
                        # Keyspace\r\ndb0:keys=\(2_000_000 + second),expires=100000,avg_ttl=0\r\n
                        """)
                let sample = NodeSample(time: Double(second), latency: 0.0002 + Double(node % 10) * 0.00001, info: info)
                messages.append(.sampled(node: node, outcome: .sample(sample)))
            }
        }
        return messages
    }

    /// The size of a recording with no rows: its schema's pages.
    static func emptyFileBytes() throws -> Int {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-bench-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try RecordingWriter(path: path, startedAtMilliseconds: 0, meta: ["label": "bench"]).close()
        return (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// CPU of this process for the loop over `messages` (with the writer's thread), and the file's size.
    static func measure(_ messages: [AppMessage], recording: Bool) throws -> (cpu: Double, bytes: Int) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-bench-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        var state = AppState(addresses: (0..<nodes).map { "10.0.\($0 / 250).\($0 % 250 + 1):6379" }, width: 200, height: 60)
        let start: Int64 = 1_800_000_000_000
        var tap = recording ? RecordingTap(writer: try RecordingWriter(path: path, startedAtMilliseconds: start, meta: ["label": "bench"])) : nil
        let before = CPUTime.ownProcess()
        for (index, message) in messages.enumerated() {
            let firing = tap == nil ? [:] : RecordingTap.firing(state)
            _ = AppUpdate.update(&state, message)
            // The wall clock of the workload: one round of samples a second, 12 h into the
            // recording (times then take the 4 bytes they take for most of a day).
            let wall = start + 43_200_000 + Int64(index / nodes) * 1000 + Int64(index % nodes)
            tap?.observe(message, firingBefore: firing, state: state, wallMilliseconds: wall)
            // As the dashboard draws: a frame after each message, at most ~20 a second.
            if index % 5 == 0 { _ = AppView.render(state) }
        }
        tap?.close()
        let cpu = CPUTime.ownProcess() - before
        let bytes = recording ? ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) : 0
        return (cpu, bytes)
    }
}
