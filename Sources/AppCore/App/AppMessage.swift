import Inspector
import TerminalUI

/// Everything that can happen to the app arrives as one of these, in one stream.
public enum AppMessage: Sendable {
    case terminal(TerminalEvent)
    /// A sample of node `node` (an index into `AppState.nodes`), or why it failed.
    case sampled(node: Int, outcome: SampleOutcome)
    /// The clock moved (TTL countdowns, status expiry) without anything else happening.
    case tick(now: Double)
    /// A theme finished loading (or failed) after `:theme` / `--theme`.
    case themeLoaded(name: String, result: Result<LoadedTheme, ThemeLoadError>)
    /// A screen dump was written (paths) or failed (reason).
    case dumpFinished(Result<[String], DumpError>)
}

/// Why a screen dump could not be written.
public struct DumpError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
