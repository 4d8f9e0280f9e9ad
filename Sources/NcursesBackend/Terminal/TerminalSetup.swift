import TerminalUI

/// What the terminal thread found out while taking the terminal over.
struct TerminalSetup: Sendable {
    var colorSupport: ColorSupport
    var unicode: Bool
    var size: TerminalSize
}
