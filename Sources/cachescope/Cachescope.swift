import AppCore
import ArgumentParser
import Foundation
import RedisClient
import Runtime

/// The command line: `cachescope [URI …]` opens the dashboard; `demo` and `snapshot` are
/// subcommands. `-h` is the host, as in redis-cli, so help is `--help` only.
struct Cachescope: AsyncParsableCommand {
    /// What `--version` prints.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "cachescope",
        abstract: "A keyboard-driven dashboard for live Redis caches.",
        discussion: """
            Watch one node, several nodes or a Redis Cluster: health with sparklines and alerts, the \
            keyspace as a namespace tree, a sorted set as a live leaderboard, pub/sub channels, and \
            safe expire/persist/delete. No node given: 127.0.0.1:6379. The password also comes from \
            REDISCLI_AUTH.
            """,
        version: version,
        subcommands: [
            WatchCommand.self, DemoCommand.self, SnapshotCommand.self, ReplayCommand.self, ReportCommand.self, DiffCommand.self,
        ],
        defaultSubcommand: WatchCommand.self,
        helpNames: [.long]
    )
}

/// Parses by hand so that a usage error exits with status 2 and one line, as DESIGN.md asks.
@main
enum CachescopeMain {
    static func main() async {
        LargeAllocations.returnLargeBlocksToTheSystem()
        ThreadArenas.shareOne()
        let arguments = Array(CommandLine.arguments.dropFirst())
        var command: any ParsableCommand
        do {
            command = try Cachescope.parseAsRoot(arguments)
        } catch {
            exitIfHelpOrVersion(error)
            let message = Cachescope.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            FileHandle.standardError.write(Data("cachescope: \(message)\nUsage: cachescope [URI ...] [-h HOST] [-p PORT] [-a PASSWORD] [--user USER] [-n DB] [-c] [--tls] … (see --help)\n".utf8))
            exit(2)
        }
        do {
            if var async = command as? any AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("cachescope: \(error)\n".utf8))
            exit(2)
        } catch let error as ConfigError {
            FileHandle.standardError.write(Data("cachescope: \(error)\n".utf8))
            exit(2)
        } catch {
            // `--help` on any command parses into a command whose run() throws the request.
            exitIfHelpOrVersion(error)
            FileHandle.standardError.write(Data("cachescope: \(error)\n".utf8))
            exit(1)
        }
        exit(0)
    }

    /// Help and the version are not failures: ArgumentParser prints them on stdout and exits 0.
    private static func exitIfHelpOrVersion(_ error: any Error) {
        if Cachescope.exitCode(for: error) == .success { Cachescope.exit(withError: error) }
    }
}
