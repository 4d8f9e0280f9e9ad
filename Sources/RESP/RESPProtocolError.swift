/// The byte stream is not valid RESP, or breaks one of the decoder's limits.
///
/// After this error the stream cannot be resynchronised: the connection must be closed.
public struct RESPProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in one line (e.g. `bulk string length 600000000 exceeds the limit of 134217728 bytes`).
    public var message: String

    /// Creates an error with a one-line message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "RESP protocol error: \(message)" }
}
