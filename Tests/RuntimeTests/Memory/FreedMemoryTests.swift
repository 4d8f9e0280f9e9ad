import Foundation
import Testing

@testable import Runtime

/// A dashboard open for hours gives back what it freed: small blocks freed in the middle of the
/// heap stay resident until ``FreedMemory`` returns them.
@Suite("Freed memory goes back to the system", .timeLimit(.minutes(1)))
struct FreedMemoryTests {
    /// The process' resident bytes (`/proc/self/statm`).
    private func residentBytes() throws -> Int {
        let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
        let pages = try #require(Int(statm.split(separator: " ")[1]))
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    @Test("64 MiB of small blocks freed around a few kept ones: resident until returned, then gone")
    func freedBlocksLeaveTheResidentSet() throws {
        let mebibyte = 1 << 20
        let blockSize = 512
        let count = 64 * mebibyte / blockSize
        // What earlier tests freed is returned first: what the trim below returns is these blocks'.
        FreedMemory.returnToTheSystem()
        var blocks: [UnsafeMutableRawPointer] = []
        blocks.reserveCapacity(count)
        for _ in 0..<count {
            let block = try #require(malloc(blockSize))
            memset(block, 1, blockSize)
            blocks.append(block)
        }
        let allocated = try residentBytes()
        // One block in 64 kept (one every 32 KiB): the free runs between them cannot shrink the heap.
        for (index, block) in blocks.enumerated() where index % 64 != 0 { free(block) }
        let freed = try residentBytes()
        FreedMemory.returnToTheSystem()
        let returned = try residentBytes()
        for (index, block) in blocks.enumerated() where index % 64 == 0 { free(block) }

        // Not measured from before the blocks: some of them may reuse free blocks earlier tests left
        // resident between blocks in use (under a page each, which no trim returns).
        #expect(allocated - freed < 8 * mebibyte, "freeing alone gave \((allocated - freed) / mebibyte) MiB back: the allocator behaves differently from glibc's")
        #expect(freed - returned > 40 * mebibyte, "returned \((freed - returned) / mebibyte) MiB of the 63 MiB freed")
    }
}
