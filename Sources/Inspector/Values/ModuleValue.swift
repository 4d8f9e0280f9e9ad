import RESP
import RedisClient

/// What the value view shows of a module type's key (`ReJSON-RL`, `graphdata`, …), which
/// cachescope cannot page: its type name and memory, and for a JSON key the first bytes of
/// `JSON.GET` when the module answers and the key is small enough to read (JSON.GET has no
/// range: a big document is never fetched). Never an error: a refusal leaves the preview out.
public struct ModuleValue: Sendable, Hashable {
    /// The name `TYPE` gave, e.g. `ReJSON-RL`.
    public var typeName: String
    /// `MEMORY USAGE`, when known.
    public var memory: UInt64?
    /// The first ``previewBytes`` of the value as the module renders it; nil when not read.
    public var preview: [UInt8]?
    /// Whether `preview` is cut short of the whole rendering.
    public var previewTruncated: Bool
    /// Why there is no preview (the module's error, or the value is too big to read whole).
    public var previewNote: String?

    public init(typeName: String, memory: UInt64?, preview: [UInt8]? = nil, previewTruncated: Bool = false, previewNote: String? = nil) {
        self.typeName = typeName
        self.memory = memory
        self.preview = preview
        self.previewTruncated = previewTruncated
        self.previewNote = previewNote
    }

    /// The JSON module's type name.
    public static let jsonTypeName = "ReJSON-RL"
    /// How much of a preview is kept.
    public static let previewBytes = 4096
    /// The largest value (by `MEMORY USAGE`) read whole with `JSON.GET` for a preview.
    public static let largestRead: UInt64 = 64 * 1024

    /// Reads what can be shown of `key`, of module type `typeName` with `memory` bytes.
    /// - Throws: only transport errors (`RedisError`); the module's refusals become `previewNote`.
    public static func read(_ connection: any RedisPipelining, key: [UInt8], typeName: String, memory: UInt64?) async throws -> ModuleValue {
        var value = ModuleValue(typeName: typeName, memory: memory)
        guard typeName == jsonTypeName else { return value }
        guard let memory, memory <= largestRead else {
            value.previewNote = memory == nil ? "size unknown: JSON.GET would read it whole" : "larger than \(largestRead / 1024) KiB: JSON.GET would read it whole"
            return value
        }
        // A pipeline keeps the module's refusal (an unknown command without the module) as a reply.
        value.apply(try await connection.pipeline([RedisCommand(arguments: [Array("JSON.GET".utf8), key])])[0])
        return value
    }

    /// Takes a `JSON.GET` reply: its first bytes, or the module's error as a note.
    mutating func apply(_ reply: RESPValue) {
        if let message = reply.errorMessage {
            previewNote = message
        } else if let bytes = reply.bytes {
            preview = Array(bytes.prefix(Self.previewBytes))
            previewTruncated = bytes.count > Self.previewBytes
        } else {
            previewNote = "JSON.GET answered with no text"
        }
    }
}
