/// A line for the status bar: what just happened, or what went wrong. It fades after a while.
public struct StatusMessage: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case info, success, warning, error }
    public var text: String
    public var kind: Kind
    /// Monotonic time after which the hint bar comes back.
    public var expires: Double

    public init(_ text: String, kind: Kind = .info, now: Double, lifetime: Double = 6) {
        self.text = text
        self.kind = kind
        self.expires = now + lifetime
    }
}
