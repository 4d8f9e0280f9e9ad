// Whole screens as text: a rendered state compared with a file under Tests/AppCoreTests/Snapshots/.
import Foundation
import TerminalUI
import Testing

@testable import AppCore

/// Renders `state` and compares the text with `Snapshots/<name>.txt` (found from `#filePath`, so
/// any working directory will do). With `CACHESCOPE_RECORD_SNAPSHOTS=1` the file is (re)written
/// instead: read every recorded file before committing it.
func expectScreen(_ state: AppState, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while url.lastPathComponent != "AppCoreTests", url.path != "/" { url.deleteLastPathComponent() }
    url = url.appendingPathComponent("Snapshots").appendingPathComponent("\(name).txt")
    let actual = AppView.render(state).text + "\n"
    if ProcessInfo.processInfo.environment["CACHESCOPE_RECORD_SNAPSHOTS"] == "1" {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not write \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no snapshot at \(url.path); CACHESCOPE_RECORD_SNAPSHOTS=1 records it. Rendered:\n\(actual)", sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : "<missing>") != (i < a.count ? a[i] : "<missing>") {
        diff.append("row \(i + 1) expected |\(i < e.count ? String(e[i]) : "<missing>")|")
        diff.append("       actual   |\(i < a.count ? String(a[i]) : "<missing>")|")
    }
    Issue.record("screen \(name) differs:\n\(diff.joined(separator: "\n"))", sourceLocation: sourceLocation)
}

extension AppState {
    /// This state after the terminal became `width`×`height`.
    func resized(_ width: Int, _ height: Int) -> AppState {
        var state = self
        state.send(.terminal(.resize(width: width, height: height)))
        return state
    }
}
