import Foundation
import RESP
@testable import RedisClient

extension FakeRedisServer {
    /// Options pointing at the fake server, with short timeouts so stalls fail fast.
    func options(commandTimeout: Duration = .seconds(5)) -> ConnectionOptions {
        ConnectionOptions(
            endpoint: RedisEndpoint(host: "127.0.0.1", port: port),
            connectTimeout: .seconds(5), commandTimeout: commandTimeout)
    }
}

/// The process's resident set size in bytes (Linux `/proc/self/statm`), or nil elsewhere.
func residentBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

