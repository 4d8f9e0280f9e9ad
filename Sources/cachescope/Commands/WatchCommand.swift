import AppCore
import ArgumentParser
import Foundation
import RedisClient

/// `cachescope [URI …] [flags]`: the dashboard.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Open the dashboard on one node, several nodes or a cluster (the default command)."
    )

    @OptionGroup var connection: ConnectionArguments
    @OptionGroup var display: DisplayArguments
    @Flag(name: .customLong("ui-smoke-test"), help: .hidden) var uiSmokeTest = false

    func run() async throws {
        if uiSmokeTest { throw ExitCode(await runUISmokeTest()) }
        PasswordWarning.printIfNeeded(connection)
        let target = try ResolvedTarget.resolve(connection, display)
        throw ExitCode(await DashboardSession.run(target: target, display: display))
    }
}

/// redis-cli's warning, for the same reason: a password on the command line is visible in `ps`.
enum PasswordWarning {
    static func printIfNeeded(_ connection: ConnectionArguments) {
        let uriHasPassword = connection.uris.contains { uri in
            guard let at = uri.firstIndex(of: "@"), let scheme = uri.range(of: "://") else { return false }
            return uri[scheme.upperBound..<at].contains(":")
        }
        if connection.password != nil || connection.sentinelPassword != nil || uriHasPassword {
            FileHandle.standardError.write(Data("Warning: Using a password on the command line may not be safe (use REDISCLI_AUTH).\n".utf8))
        }
    }
}
