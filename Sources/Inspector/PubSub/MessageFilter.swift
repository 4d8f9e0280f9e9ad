/// The Pub/Sub pane's `/` filter: entries whose channel, pattern or payload contains the text
/// (ASCII letters compared without case). Gap markers always pass, so a gap is never hidden.
public struct MessageFilter: Sendable, Hashable {
    /// The text typed.
    public let text: String
    private let needle: [UInt8]

    public init(_ text: String) {
        self.text = text
        self.needle = Array(text.utf8).map(Self.lower)
    }

    /// True when nothing is filtered.
    public var isEmpty: Bool { needle.isEmpty }

    /// Whether `entry` passes.
    public func matches(_ entry: MessageLogEntry) -> Bool {
        guard !needle.isEmpty, case .message(let message) = entry else { return true }
        return contains(message.channel) || message.pattern.map(contains) == true || contains(message.payload)
    }

    private func contains(_ haystack: [UInt8]) -> Bool {
        let n = needle.count
        guard haystack.count >= n else { return false }
        let first = needle[0]
        var i = 0
        let last = haystack.count - n
        while i <= last {
            if Self.lower(haystack[i]) == first {
                var j = 1
                while j < n, Self.lower(haystack[i + j]) == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
}
