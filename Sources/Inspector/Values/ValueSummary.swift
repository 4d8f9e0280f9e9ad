import RESP
import RedisClient

/// What the value view shows above (or instead of) the pages of a key whose type is more than a
/// list of items: a stream's length, groups and ends, a vector set's size and parameters, or a
/// module type's name, memory and first bytes.
public enum ValueSummary: Sendable, Hashable {
    case stream(StreamSummary)
    case vectorSet(VectorSetSummary)
    case module(ModuleValue)

    /// The type name of vector sets (Redis 8.0+).
    public static let vectorSetTypeName = "vectorset"

    /// Reads the summary `page` (the key's first page) calls for: a stream's, or for a type
    /// cachescope does not page (`ValuePage.Content.unsupported`), a vector set's or a module
    /// value's; nil for every other type, or when the key is gone.
    /// - Parameter memory: the key's `MEMORY USAGE` (from ``KeyDetail``), shown for module types.
    /// - Throws: `KeyspaceError`, `RedisError`.
    public static func read(_ connection: any RedisPipelining, for page: ValuePage, memory: UInt64?) async throws -> ValueSummary? {
        switch page.content {
        case .stream:
            return try await StreamSummary.read(connection, key: page.key).map(ValueSummary.stream)
        case .unsupported(let name) where name == vectorSetTypeName:
            return try await VectorSetSummary.read(connection, key: page.key).map(ValueSummary.vectorSet)
        case .unsupported(let name):
            return .module(try await ModuleValue.read(connection, key: page.key, typeName: name, memory: memory))
        default:
            return nil
        }
    }
}
