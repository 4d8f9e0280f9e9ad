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
///
/// Under AddressSanitizer (`scripts/sanitize.sh address`) freed memory is not returned at once:
/// it waits in a quarantine (256 MB by default) so later use of it can be caught, and counts as
/// resident. The quarantine is drained first, so the same bound holds with and without ASan.
func residentBytes() -> Int? {
    AddressSanitizer.drainQuarantine()
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// The AddressSanitizer runtime, when this process has one (looked up, so normal builds need nothing).
enum AddressSanitizer {
    private typealias Purge = @convention(c) () -> Void

    /// `__sanitizer_purge_allocator`: drains the quarantine and returns free memory to the system.
    private static let purge: Purge? = dlsym(nil, "__sanitizer_purge_allocator").map { unsafeBitCast($0, to: Purge.self) }

    /// Returns quarantined memory to the system (nothing without ASan).
    static func drainQuarantine() { purge?() }
}
