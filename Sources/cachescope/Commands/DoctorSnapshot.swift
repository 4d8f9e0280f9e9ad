import AppCore
import ArgumentParser
import Foundation
import Inspector
import RESP
import RedisClient

/// `cachescope snapshot --doctor`: indexes each node's keyspace to the end (`KeyspaceScanner`,
/// with its load policy), runs the cache doctor over it, and prints the findings as text or as
/// JSON (`{"nodes":[report, …]}`). Exits 1 when a node cannot be reached.
enum DoctorSnapshot {
    static func run(_ target: ResolvedTarget, json: Bool, probeRecentUse: Bool = false) async throws {
        let delimiter = target.config.delimiter.utf8.first ?? UInt8(ascii: ":")
        var reports: [DoctorReport] = []
        var failures: [(String, String)] = []
        for options in target.options {
            let node = "\(options.endpoint)"
            do {
                reports.append(try await diagnose(options, node: node, delimiter: delimiter, probeRecentUse: probeRecentUse))
            } catch {
                failures.append((node, "\(error)"))
            }
        }
        if json {
            let nodes = reports.map(DoctorReportText.json) + failures.map { "{\"node\":\(quoted($0.0)),\"error\":\(quoted($0.1))}" }
            print("{\"nodes\":[\n" + nodes.joined(separator: ",\n") + "\n]}")
        } else {
            for report in reports { print(DoctorReportText.text(report)) }
            for (node, error) in failures { print("cachescope doctor \(node): DOWN \(error)\n") }
        }
        if !failures.isEmpty { throw ExitCode(1) }
    }

    static func diagnose(_ options: ConnectionOptions, node: String, delimiter: UInt8, probeRecentUse: Bool) async throws -> DoctorReport {
        let scan = try await RedisConnection.connect(options)
        let lookup: RedisConnection
        do { lookup = try await RedisConnection.connect(options) } catch {
            await scan.close()
            throw error
        }
        do {
            let expected = Int(try await scan.send(RedisCommand("DBSIZE")).int ?? 0)
            let scanner = KeyspaceScanner(scanConnection: scan, lookupConnections: [lookup], delimiter: delimiter)
            await scanner.start()
            await scanner.waitUntilDone()
            let progress = await scanner.progress
            if case .failed(let message) = progress.phase { throw DoctorSnapshotError(message: message) }
            let view = await scanner.view
            let report = await CacheDoctor(connection: scan, node: node, probeRecentUse: probeRecentUse)
                .diagnose(view, complete: progress.phase == .finished, expectedKeys: expected, sampleShare: progress.sampleShare)
            await scan.close()
            await lookup.close()
            return report
        } catch {
            await scan.close()
            await lookup.close()
            throw error
        }
    }

    static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

struct DoctorSnapshotError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
