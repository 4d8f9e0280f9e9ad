import AppCore
import ArgumentParser
import Foundation
import NcursesBackend
import Recording
import Runtime
import TerminalUI

/// `cachescope replay FILE`: the dashboard, fed from a recording; it opens no connection.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a recording in the dashboard (no connection is opened; nothing can be changed).",
        discussion:
            "Keys: Space pause, ←/→ step, [/] speed 1× to 60×, g/G start/end, t next alert transition, e recorded actions and events, :goto HH:MM:SS (UTC). A file that is not a recording, or is from a newer cachescope, exits with status 1."
    )

    @Argument(help: "The recording (a SQLite file written by --record).") var file: String
    @OptionGroup var display: DisplayArguments

    func run() async throws {
        // Checked before the terminal starts, so that a bad file is one plain line and a failure status.
        do {
            let reader = try RecordingReader(path: file)
            guard try reader.bounds() != nil else { throw RecordingFileError.notARecording(path: file, reason: "it holds no sample") }
        } catch {
            FileHandle.standardError.write(Data("cachescope: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let loaded: LoadedTheme
        do { loaded = try ThemeLoader.load(nameOrPath: display.theme ?? "default") } catch {
            FileHandle.standardError.write(Data("cachescope: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let terminal = try NcursesTerminal.start(colorPreference: display.noColor ? .noColor : .automatic)
        defer { terminal.stop() }
        let size = terminal.size
        let state = AppState(
            addresses: [], readOnly: true, theme: loaded.theme, themeName: display.theme ?? "default", colorSupport: terminal.colorSupport,
            unicode: terminal.unicode, width: size.width, height: size.height, connectionLabel: "replay \(URL(fileURLWithPath: file).lastPathComponent)")
        let runtime = try ReplayRuntime(state: state, path: file, frameSink: { terminal.draw($0) })
        terminal.onSignal { _ in runtime.send(.terminal(.key(.control("c")))) }
        let forwarder = Task.detached {
            for await event in terminal.events { runtime.send(.terminal(event)) }
            runtime.send(.terminal(.key(.control("c"))))
        }
        defer { forwarder.cancel() }
        await runtime.run()
    }
}
