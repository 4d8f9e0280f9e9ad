import TerminalUI

/// A line for the status bar: what just happened, or what went wrong. It fades after a while.
/// The text is display text, built by interpolation, so a key or an error in it is sanitised
/// once, where the message is made.
public struct StatusMessage: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case info, success, warning, error }
    public var text: DisplayText
    public var kind: Kind
    /// Monotonic time after which the hint bar comes back.
    public var expires: Double

    public init(_ text: DisplayText, kind: Kind = .info, now: Double, lifetime: Double = 6) {
        self.text = text
        self.kind = kind
        self.expires = now + lifetime
    }
}
