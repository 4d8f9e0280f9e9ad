// Drives the app as a user does: keys, typed text and `:` commands, each through `AppUpdate.update`.
import TerminalUI

@testable import AppCore

extension AppState {
    /// Sends `message` and returns the effects.
    @discardableResult
    mutating func send(_ message: AppMessage) -> [AppEffect] {
        AppUpdate.update(&self, message)
    }

    /// Presses `key`.
    @discardableResult
    mutating func press(_ key: Key) -> [AppEffect] {
        send(.terminal(.key(key)))
    }

    /// Presses the key that types `character`.
    @discardableResult
    mutating func press(_ character: Character) -> [AppEffect] {
        press(.character(character))
    }

    /// Types `text` one character at a time; returns every effect, in order.
    @discardableResult
    mutating func type(_ text: String) -> [AppEffect] {
        text.flatMap { press($0) }
    }

    /// `:` then `text` then Enter; returns what Enter did.
    @discardableResult
    mutating func command(_ text: String) -> [AppEffect] {
        press(":")
        type(text)
        return press(.enter)
    }
}
