import ArgumentParser

/// How the dashboard looks and behaves.
struct DisplayArguments: ParsableArguments {
    @Flag(name: .customLong("read-only"), help: "Refuse every change: dangerous keys vanish and the mutation layer refuses.")
    var readOnly = false

    @Option(help: ArgumentHelp("Theme name (default, light, high-contrast, monochrome) or a theme file.", valueName: "NAME|FILE"))
    var theme: String?

    @Option(help: ArgumentHelp("Seconds between samples (default 1).", valueName: "SECONDS"))
    var interval: Double?

    @Flag(name: .customLong("no-color"), help: "No colours (NO_COLOR is honoured too).")
    var noColor = false

    @Option(name: .customLong("audit-log"), help: ArgumentHelp("Where every change is logged (default under $XDG_STATE_HOME/cachescope/).", valueName: "FILE"))
    var auditLog: String?

    @Option(help: ArgumentHelp("Record the session into a new SQLite file (see docs/recording.md).", valueName: "FILE"))
    var record: String?

    @Option(help: ArgumentHelp("Config file (default ~/.config/cachescope/config.toml).", valueName: "FILE"))
    var config: String?

    func validate() throws {
        if let interval, !(interval >= 0.1 && interval <= 3600) {
            throw ValidationError("--interval must be between 0.1 and 3600 seconds")
        }
    }
}
