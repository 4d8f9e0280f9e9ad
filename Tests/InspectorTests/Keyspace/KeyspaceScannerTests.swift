import Foundation
import NIOCore
import RESP
import RedisClient
import Testing

@testable import Inspector

/// The scanner against a scripted connection: what SCAN returns twice is indexed once.
@Suite struct KeyspaceScannerTests {
    @Test func duplicatesFromScanAreIndexedOnce() async throws {
        // A fake connection whose SCAN returns the same keys on two pages.
        let fake = FakeScanConnection(pages: [["a", "b", "c"], ["b", "c", "d"]])
        let scanner = KeyspaceScanner(scanConnection: fake, policy: ScanLoadPolicy(maxCommandsPerSecond: nil))
        await scanner.start()
        await scanner.waitUntilDone()
        let done = KeyspaceScanUpdate(view: await scanner.view, progress: await scanner.progress, generation: 0)
        #expect(done.progress.phase == .finished)
        #expect(done.view.count == 4)
        #expect(done.view.index.idCount == 4)
        #expect(fake.lookedUpKeys() == 4)
    }
}

/// Serves scripted SCAN pages and answers lookups (type string, no TTL, 50 bytes).
final class FakeScanConnection: RedisPipelining, @unchecked Sendable {
    private let lock = NSLock()
    private let pages: [[String]]
    private var next = 0
    private var lookups = 0

    init(pages: [[String]]) { self.pages = pages }

    func lookedUpKeys() -> Int { lock.withLock { lookups } }

    func pipeline(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        lock.withLock {
            commands.map { command -> RESPValue in
                switch command.name {
                case "PING": return .simpleString(.init(string: "PONG"))
                case "DBSIZE": return .integer(4)
                case "SCAN":
                    let page = pages[next]
                    next += 1
                    let cursor = next == pages.count ? "0" : String(next)
                    return .array([.bulkString(.init(string: cursor)), .array(page.map { .bulkString(.init(string: $0)) })])
                case "TYPE":
                    lookups += 1
                    return .simpleString(.init(string: "string"))
                case "PTTL": return .integer(-1)
                case "MEMORY": return .integer(50)
                default: return .error(.init(string: "ERR unknown"))
                }
            }
        }
    }
}
