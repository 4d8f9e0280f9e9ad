import Foundation
import Testing

/// The shell completion scripts and the man page are generated from the command-line
/// declarations (`scripts/generate-docs.sh`); the committed copies must match the binary.
@Suite("Command-line docs")
struct CommandLineDocsTests {
    @Test("completion scripts name every subcommand and flag, and docs/ holds the current ones", arguments: ["bash", "zsh", "fish"])
    func completionScripts(shell: String) throws {
        let binary = try BuildProducts.executable(named: "cachescope")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--generate-completion-script", shell]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let script = String(decoding: data, as: UTF8.self)
        for word in ["demo", "snapshot", "cacert", "read-only", "context"] {
            #expect(script.contains(word), "\(shell) completion lacks \(word)")
        }
        let committed = try String(contentsOfFile: Self.repositoryRoot + "/docs/completions/cachescope.\(shell)", encoding: .utf8)
        #expect(committed == script, "docs/completions/cachescope.\(shell) is stale: run scripts/generate-docs.sh")
    }

    @Test("the man page documents the flags")
    func manPage() throws {
        let page = try String(contentsOfFile: Self.repositoryRoot + "/docs/man/cachescope.1", encoding: .utf8)
        for word in ["demo", "snapshot", "cacert", "insecure", "read-only", "REDISCLI_AUTH"] {
            #expect(page.contains(word), "the man page lacks \(word)")
        }
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}
