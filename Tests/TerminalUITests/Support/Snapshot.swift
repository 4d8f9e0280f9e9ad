import Foundation
import TerminalUI
import Testing

/// Compares a rendered buffer with `Snapshots/<name>.txt` beside this test tree (found from
/// `#filePath`, so it works from any working directory). With `SNAPSHOT_RECORD=1` in the
/// environment the file is (re)written instead. Rows are compared with trailing spaces trimmed.
func expectSnapshot(
    _ buffer: Buffer,
    named name: String,
    filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let url = snapshotDirectory(from: filePath).appendingPathComponent("\(name).txt")
    let actual = buffer.text + "\n"
    if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not write snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no snapshot at \(url.path); run with SNAPSHOT_RECORD=1 to record it. Rendered:\n\(actual)", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        Issue.record("snapshot \(name) differs:\n\(snapshotDiff(expected: expected, actual: actual))", sourceLocation: sourceLocation)
    }
}

/// The `Snapshots` folder of the test target that `filePath` lives in.
private func snapshotDirectory(from filePath: String) -> URL {
    var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while url.lastPathComponent != "TerminalUITests", url.path != "/" {
        url.deleteLastPathComponent()
    }
    return url.appendingPathComponent("Snapshots", isDirectory: true)
}

/// A row-by-row diff: every differing row with its number, expected above actual, between bars
/// so trailing spaces and empty rows show.
func snapshotDiff(expected: String, actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(e.count, a.count) {
        let el = i < e.count ? String(e[i]) : "<missing>"
        let al = i < a.count ? String(a[i]) : "<missing>"
        if el != al {
            out.append(String(format: "row %3d expected |%@|", i + 1, el))
            out.append(String(format: "        actual   |%@|", al))
        }
    }
    return out.joined(separator: "\n")
}
