import Foundation

/// Finds the executables SwiftPM built, for the end-to-end tests to run.
enum BuildProducts {
    /// The package root: this file is `<root>/Tests/EndToEndTests/Support/BuildProducts.swift`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The path of the built executable `name`.
    ///
    /// Looks beside the running test bundle first (the same build, whatever the triple or
    /// configuration), then in `<root>/.build/debug` (a symlink to the host's debug products).
    /// - Throws: a clear message when it was not built.
    static func executable(named name: String) throws -> String {
        var directories: [URL] = []
        if let bundle = Bundle.main.executableURL?.deletingLastPathComponent() { directories.append(bundle) }
        if let argument = CommandLine.arguments.first, argument.hasPrefix("/") {
            directories.append(URL(fileURLWithPath: argument).deletingLastPathComponent())
        }
        // The xctest bundle may be a directory inside the products directory.
        for test in Bundle.allBundles where test.bundlePath.hasSuffix(".xctest") {
            directories.append(URL(fileURLWithPath: test.bundlePath).deletingLastPathComponent())
        }
        directories.append(packageRoot.appendingPathComponent(".build/debug"))
        for directory in directories {
            let candidate = directory.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
        }
        throw TmuxSession.Failure(
            description:
                "the executable \(name) was not found in \(directories.map(\.path)); build it first (swift build)")
    }
}
