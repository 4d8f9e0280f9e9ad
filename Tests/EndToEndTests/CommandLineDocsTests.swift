import Foundation
import Testing

/// The shell completion scripts and the man page are generated from the command-line
/// declarations (`scripts/generate-docs.sh`); the committed copies must match the binary.
@Suite("Command-line docs")
struct CommandLineDocsTests {
    @Test("completion scripts name every subcommand and flag, and docs/ holds the current ones", arguments: ["bash", "zsh", "fish"])
    func completionScripts(shell: String) throws {
        let (status, script, _) = try Self.cachescope(["--generate-completion-script", shell])
        #expect(status == 0)
        for word in ["demo", "snapshot", "report", "markdown", "cacert", "read-only", "context"] {
            #expect(script.contains(word), "\(shell) completion lacks \(word)")
        }
        let committed = try String(contentsOfFile: Self.repositoryRoot + "/docs/completions/cachescope.\(shell)", encoding: .utf8)
        #expect(committed == script, "docs/completions/cachescope.\(shell) is stale: run scripts/generate-docs.sh")
    }

    @Test("the man page documents the flags")
    func manPage() throws {
        let page = try String(contentsOfFile: Self.repositoryRoot + "/docs/man/cachescope.1", encoding: .utf8)
        for word in ["demo", "snapshot", "report", "markdown", "cacert", "insecure", "read-only", "REDISCLI_AUTH"] {
            #expect(page.contains(word), "the man page lacks \(word)")
        }
    }

    @Test(
        "--help prints help on stdout and exits 0, for the root and every subcommand, naming only flags the man page documents",
        arguments: [[], ["watch"], ["demo"], ["snapshot"], ["report"]])
    func help(command: [String]) throws {
        let (status, output, errors) = try Self.cachescope(command + ["--help"])
        #expect(status == 0)
        #expect(errors.isEmpty, "stderr: \(errors)")
        #expect(output.contains("USAGE: cachescope"))
        let page = try String(contentsOfFile: Self.repositoryRoot + "/docs/man/cachescope.1", encoding: .utf8)
        let flags = Set(output.matches(of: /--[a-z][a-z-]*/).map { String($0.output) })
        #expect(flags.contains("--help"))
        for flag in flags {
            #expect(page.contains("Fl -\(flag.dropFirst(2))"), "docs/man/cachescope.1 lacks \(flag): run scripts/generate-docs.sh")
        }
    }

    @Test("--version prints the version on stdout and exits 0")
    func version() throws {
        let (status, output, errors) = try Self.cachescope(["--version"])
        #expect(status == 0)
        #expect(errors.isEmpty, "stderr: \(errors)")
        #expect(output.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil, "printed \(output)")
    }

    /// Runs the built `cachescope` with `arguments`: its exit status, standard output and error.
    static func cachescope(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuildProducts.executable(named: "cachescope"))
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complained = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: printed, as: UTF8.self), String(decoding: complained, as: UTF8.self))
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}
