import Foundation
import Testing

@testable import Runtime

/// Where a recording goes: a dated name when none is given, `~` expanded, and never over an
/// existing file (a `record =` file from an earlier session is kept; the new one goes beside it).
@Suite("Recording: the file's name")
struct RecordingFileNameTests {
    // 2026-12-05 03:18:00 UTC.
    static let wall: Int64 = 1_796_440_680_000

    @Test("no name: cachescope-DATE-TIME.db, in UTC")
    func timestamped() {
        #expect(RecordingFileName.timestamped(wallMilliseconds: Self.wall) == "cachescope-20261205-031800.db")
    }

    @Test("~ is the home directory; an existing file gets the time before its extension")
    func available() throws {
        let home = try #require(ProcessInfo.processInfo.environment["HOME"])
        #expect(RecordingFileName.available("~/nope-\(UUID().uuidString).db", wallMilliseconds: Self.wall).hasPrefix(home + "/nope-"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(RecordingFileName.available(directory + "/prod.db", wallMilliseconds: Self.wall) == directory + "/prod.db")
        #expect(FileManager.default.createFile(atPath: directory + "/prod.db", contents: Data("earlier".utf8)))
        #expect(FileManager.default.createFile(atPath: directory + "/incident", contents: Data("earlier".utf8)))
        #expect(RecordingFileName.available(directory + "/prod.db", wallMilliseconds: Self.wall) == directory + "/prod-20261205-031800.db")
        #expect(RecordingFileName.available(directory + "/incident", wallMilliseconds: Self.wall) == directory + "/incident-20261205-031800")
    }
}
