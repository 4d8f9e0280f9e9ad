/// The command line or a URI is malformed. The message is one line and never contains a password;
/// the caller prints it and exits with status 2.
public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One line, e.g. `invalid port "70000" in redis://localhost:70000`.
    public var message: String

    /// Creates an error; newlines are replaced so the message stays on one line.
    public init(_ message: String) {
        self.message = message.replacingNewlines()
    }

    public var description: String { message }
}

extension String {
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
