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

    @Option(help: ArgumentHelp("Theme name (default, light, high-contrast, monochrome) or a theme file.", valueName: "NAME|FILE"))
    var theme: String?

    @Flag(name: .customLong("no-color"), help: "No colours (NO_COLOR is honoured too).")
    var noColor = false

    @Option(help: ArgumentHelp("Config file for the theme and [keys] (default ~/.config/cachescope/config.toml).", valueName: "FILE"))
    var config: String?

    func run() async throws {
        // Checked before the terminal starts, so that a bad file is one plain line and a failure status.
        do {
            let reader = try RecordingReader(path: file)
            guard try reader.bounds() != nil else { throw RecordingFileError.notARecording(path: file, reason: "it holds no sample") }
        } catch {
            FileHandle.standardError.write(Data("cachescope: \(error)\n".utf8))
            throw ExitCode(1)
        }
        // The config file gives the theme and the key overrides (replay actions included); nothing else applies.
        let settings: AppConfig
        let keymap: AppKeymap
        let loaded: LoadedTheme
        do {
            settings = try ConfigLoader.load(path: config ?? ConfigLoader.defaultPath())
            keymap = try DefaultKeymap.make(readOnly: true, overrides: settings.keyOverrides, replay: true)
            loaded = try ThemeLoader.load(nameOrPath: theme ?? settings.theme)
        } catch {
            FileHandle.standardError.write(Data("cachescope: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let terminal = try NcursesTerminal.start(colorPreference: noColor ? .noColor : .automatic)
        defer { terminal.stop() }
        let size = terminal.size
        let state = AppState(
            addresses: [], readOnly: true, theme: loaded.theme, themeName: theme ?? settings.theme, colorSupport: terminal.colorSupport,
            unicode: terminal.unicode, keymap: keymap, width: size.width, height: size.height, connectionLabel: "replay \(URL(fileURLWithPath: file).lastPathComponent)")
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
