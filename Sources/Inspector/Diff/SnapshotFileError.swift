// Why a file given to `cachescope diff` cannot be compared as a snapshot.

/// Why a file cannot be compared as a snapshot.
public enum SnapshotFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidJSON(name: String, reason: String)
    case notASnapshot(name: String, what: String)
    case kindsDiffer(before: String, after: String)

    public var description: String {
        switch self {
        case .invalidJSON(let name, let reason): "\(name) is not valid JSON: \(reason)"
        case .notASnapshot(let name, let what): "\(name) is not a cachescope snapshot: \(what)"
        case .kindsDiffer(let before, let after): "\(before), \(after): compare two snapshots of one kind"
        }
    }
}
