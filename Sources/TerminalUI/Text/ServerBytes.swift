/// Bytes that came from a server (a key, a member, a channel name, a payload, a value): not
/// necessarily UTF-8, possibly hostile. Their only way to text is the sanitiser, through
/// `DisplayText(_:)`, an interpolation (`"key \(ServerBytes(key))"`) or `hexDump`.
///
/// The cache domain below the UI keeps plain `[UInt8]` (it sends them back to Redis); the app
/// wraps them here when it draws them. A `DisplayText` interpolation of raw `[UInt8]` does not
/// compile, so a view cannot skip the wrapping.
public struct ServerBytes: Sendable, Hashable {
    /// Kept as a slice: wrapping part of a value (a line, a prefix of a payload) copies nothing.
    private let bytes: ArraySlice<UInt8>

    /// Wraps bytes read from a server.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes[...]
    }

    /// Wraps part of the bytes read from a server.
    public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    /// The bytes as visible text (see `Sanitizer` for the escapes).
    var sanitized: String { Sanitizer.display(bytes) }

    /// A `hexdump -C` style dump, one display line per `bytesPerLine` bytes:
    ///
    ///     00000000  68 65 6c 6c 6f 0a 00 ff                           |hello...|
    ///
    /// - Parameters:
    ///   - bytesPerLine: bytes on each line (16 by default).
    ///   - startOffset: the offset of the first byte (for paged values).
    /// - Returns: the lines; none for no bytes.
    public func hexDump(bytesPerLine: Int = 16, startOffset: Int = 0) -> [DisplayText] {
        Sanitizer.hex(bytes, bytesPerLine: bytesPerLine, startOffset: startOffset).map { DisplayText(trusted: $0) }
    }
}

extension DisplayText {
    /// Bytes from a server as visible text: control bytes, escape sequences and invalid UTF-8
    /// shown as escapes (`\x1b`, `\xff`).
    public init(_ bytes: ServerBytes) {
        self.init(trusted: bytes.sanitized)
    }
}
