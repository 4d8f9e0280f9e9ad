import RESP
import RedisClient

/// What a vector set (Redis 8.0+, type `vectorset`) shows instead of "not shown": its size
/// (`VCARD`), dimension (`VDIM`), `VINFO`'s fields (quantisation, HNSW parameters…) and a page of
/// members from `VRANDMEMBER` (vector sets have no ordered range before `VRANGE`), all in one
/// pipeline and never the vectors themselves.
public struct VectorSetSummary: Sendable, Hashable {
    public var cardinality: Int64
    public var dimension: Int64
    /// `VINFO` as the server orders it (`quant-type: int8`, `hnsw-m: 16`, …).
    public var info: [Field]
    /// Up to a page of members, in no particular order.
    public var members: [[UInt8]]

    /// One `VINFO` field.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(cardinality: Int64, dimension: Int64, info: [Field], members: [[UInt8]]) {
        self.cardinality = cardinality
        self.dimension = dimension
        self.info = info
        self.members = members
    }

    /// Reads the summary of `key` with up to `pageSize` members.
    /// - Returns: nil when the key does not exist.
    /// - Throws: `KeyspaceError` (`WRONGTYPE`, or an unknown command where vector sets are missing).
    public static func read(_ connection: any RedisPipelining, key: [UInt8], pageSize: Int = ValuePageSize.default.elements) async throws -> VectorSetSummary? {
        let replies = try await connection.pipeline([
            RedisCommand(arguments: [Array("VCARD".utf8), key]),
            RedisCommand(arguments: [Array("VDIM".utf8), key]),
            RedisCommand(arguments: [Array("VINFO".utf8), key]),
            RedisCommand(arguments: [Array("VRANDMEMBER".utf8), key, Array(String(pageSize).utf8)]),
        ])
        guard let cardinality = replies[0].int else {
            throw replies[0].errorMessage.map { KeyspaceError.server(command: "VCARD", message: $0) } ?? KeyspaceError.unexpectedReply(command: "VCARD")
        }
        // A vector set is never empty: 0 means the key is gone.
        if cardinality == 0 { return nil }
        if let message = replies.lazy.compactMap(\.errorMessage).first { throw KeyspaceError.server(command: "VINFO", message: message) }
        let info = (replies[2].pairs ?? []).map { pair in
            Field(name: pair.key.string ?? "?", value: pair.value.string ?? pair.value.int.map(String.init) ?? pair.value.double.map { "\($0)" } ?? "?")
        }
        return VectorSetSummary(
            cardinality: cardinality, dimension: replies[1].int ?? 0, info: info,
            members: (replies[3].array ?? []).compactMap(\.bytes))
    }
}
