import Foundation
import Testing

@testable import Runtime

/// Threads started after ``ThreadArenas.shareOne()`` allocate from the arenas already there: no
/// thread gets an arena of its own, whose scattered blocks would keep pages resident.
@Suite("Threads share the allocator's arenas", .timeLimit(.minutes(1)))
struct ThreadArenasTests {
    /// How many arenas glibc's allocator holds: one `<heap nr=…>` each in `malloc_info`'s report;
    /// nil without glibc's `malloc_info`.
    static func arenaCount() -> Int? {
        typealias MallocInfo = @convention(c) (Int32, UnsafeMutablePointer<FILE>?) -> Int32
        guard let symbol = dlsym(nil, "malloc_info") else { return nil }
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        guard let stream = open_memstream(&buffer, &size) else { return nil }
        _ = unsafeBitCast(symbol, to: MallocInfo.self)(0, stream)
        fclose(stream)
        defer { free(buffer) }
        guard let buffer else { return nil }
        return String(cString: buffer).components(separatedBy: "<heap nr=").count - 1
    }

    /// Starts `count` plain threads together, each allocating and freeing in a loop, and waits for them.
    static func allocateOnNewThreads(_ count: Int) {
        let started = DispatchGroup()
        let done = DispatchGroup()
        let go = DispatchSemaphore(value: 0)
        for _ in 0..<count {
            started.enter()
            done.enter()
            Thread.detachNewThread {
                started.leave()
                go.wait()
                for _ in 0..<20_000 {
                    guard let block = malloc(256) else { continue }
                    memset(block, 1, 256)
                    free(block)
                }
                done.leave()
            }
        }
        started.wait()
        for _ in 0..<count { go.signal() }
        done.wait()
    }

    // In a process of its own, as at the dashboard's start: glibc fixes its arena limit the first
    // time more than eight arenas exist, after which the cap would no longer apply.
    @Test("eight threads allocating at once after the cap: no new arena")
    func newThreadsGetNoArenaOfTheirOwn() async {
        await #expect(processExitsWith: .success, "exit 1: a new thread got an arena of its own despite the cap; exit 2: no malloc_info to count arenas with") {
            ThreadArenas.shareOne()
            guard let before = ThreadArenasTests.arenaCount() else { exit(2) }
            ThreadArenasTests.allocateOnNewThreads(8)
            guard let after = ThreadArenasTests.arenaCount() else { exit(2) }
            exit(after <= max(before, 1) ? 0 : 1)
        }
    }

    // The same threads without the cap, so the test above is known to be able to fail: each
    // new thread that first allocates gets an arena of its own.
    @Test("without the cap the same threads get arenas of their own")
    func withoutTheCapNewThreadsGetArenas() async {
        await #expect(processExitsWith: .success, "exit 1: no new arena without the cap, so the test above proves nothing; exit 2: no malloc_info to count arenas with") {
            guard let before = ThreadArenasTests.arenaCount() else { exit(2) }
            ThreadArenasTests.allocateOnNewThreads(8)
            guard let after = ThreadArenasTests.arenaCount() else { exit(2) }
            exit(after > max(before, 2) ? 0 : 1)
        }
    }
}
