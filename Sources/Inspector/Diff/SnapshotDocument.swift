// A snapshot JSON file read back: which kind of snapshot it is, and two of one kind compared.
import Foundation

/// One file written by `cachescope snapshot --json`, `--keys --json` or `--clients --json`.
public enum SnapshotDocument: Sendable {
    /// Every node's figures (`snapshot --json`), with the Sentinel group when there was one.
    case health(HealthReport, sentinel: SentinelGroup?)
    /// Keyspace reports, one per keyspace walked, and the nodes that failed.
    case keys([KeyspaceSnapshot], failed: [String])
    /// Clients per node, and the nodes that failed.
    case clients([ClientsSnapshot], failed: [String])

    /// The Sentinel group of a health snapshot taken through Sentinel.
    public struct SentinelGroup: Sendable, Decodable, Equatable {
        public struct Replica: Sendable, Decodable, Equatable { public var address: String }
        public var master: String
        public var primary: String
        public var replicas: [Replica]
    }

    /// What the kind is called in messages.
    public var kind: String {
        switch self {
        case .health: "snapshot --json"
        case .keys: "snapshot --keys --json"
        case .clients: "snapshot --clients --json"
        }
    }

    /// Reads a snapshot from the bytes of a file named `name`.
    /// - Throws: ``SnapshotFileError`` when the bytes are not JSON, or JSON of something else.
    public init(data: Data, name: String) throws {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw SnapshotFileError.invalidJSON(name: name, reason: (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "it does not parse")
        }
        guard let top = object as? [String: Any] else { throw SnapshotFileError.notASnapshot(name: name, what: "a JSON value that is not an object") }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        func decode<T: Decodable>(_ type: T.Type, _ value: Any) throws -> T {
            do { return try decoder.decode(type, from: try JSONSerialization.data(withJSONObject: value)) } catch {
                throw SnapshotFileError.notASnapshot(name: name, what: "JSON that does not read as \(T.self): \(Self.reason(error))")
            }
        }
        if top["takenAt"] != nil, top["nodes"] != nil {
            self = .health(try decode(HealthReport.self, top), sentinel: try top["sentinel"].map { try decode(SentinelGroup.self, $0) })
        } else if top["prefixes"] != nil {
            self = .keys([try decode(KeyspaceSnapshot.self, top)], failed: [])
        } else if let nodes = top["nodes"] as? [[String: Any]] {
            let failed = nodes.filter { $0["error"] != nil }.compactMap { $0["node"] as? String }
            let good = nodes.filter { $0["error"] == nil }
            if good.allSatisfy({ $0["prefixes"] != nil }), !(good.isEmpty && failed.isEmpty) {
                self = .keys(try good.map { try decode(KeyspaceSnapshot.self, $0) }, failed: failed)
            } else if good.allSatisfy({ $0["clients"] != nil }), !(good.isEmpty && failed.isEmpty) {
                self = .clients(try good.map { try decode(ClientsSnapshot.self, $0) }, failed: failed)
            } else if good.contains(where: { $0["findings"] != nil }) {
                throw SnapshotFileError.notASnapshot(name: name, what: "a doctor report (diff reads snapshot --json, --keys --json or --clients --json)")
            } else {
                throw SnapshotFileError.notASnapshot(name: name, what: "JSON with a nodes list of neither figures, keyspaces nor clients")
            }
        } else {
            throw SnapshotFileError.notASnapshot(name: name, what: "JSON without takenAt, prefixes or nodes")
        }
    }

    /// What changed from `self` to `after`.
    /// - Throws: ``SnapshotFileError/kindsDiffer(before:after:)`` when the two are snapshots of different kinds.
    public func diff(to after: SnapshotDocument, before beforeName: String, after afterName: String) throws -> DiffReport {
        switch (self, after) {
        case (.health(let a, let sa), .health(let b, let sb)):
            var report = a.diff(to: b, before: beforeName, after: afterName)
            if let sa, let sb { report = DiffReport(before: report.before, after: report.after, seconds: report.seconds, rows: report.rows + Self.sentinelRows(sa, sb), notes: report.notes) }
            return report
        case (.keys(let a, let fa), .keys(let b, let fb)):
            var notes = Self.pairNotes(a.map(\.label), b.map(\.label), failed: (fa, fb))
            if !(a + b).allSatisfy(\.exact) { notes.append("estimated keyspaces: a change within the uncertainty may be sampling noise") }
            let old = Dictionary(a.map { ($0.label, $0) }, uniquingKeysWith: { x, _ in x })
            let rows = b.flatMap { report in old[report.label].map { $0.diffRows(to: report) } ?? [] }
            return DiffReport(before: beforeName, after: afterName, rows: rows, notes: notes)
        case (.clients(let a, let fa), .clients(let b, let fb)):
            let old = Dictionary(a.map { ($0.node, $0) }, uniquingKeysWith: { x, _ in x })
            let rows = b.flatMap { report in old[report.node].map { $0.diffRows(to: report) } ?? [] }
            return DiffReport(before: beforeName, after: afterName, rows: rows, notes: Self.pairNotes(a.map(\.node), b.map(\.node), failed: (fa, fb)))
        default:
            throw SnapshotFileError.kindsDiffer(before: "\(beforeName) is a \(kind)", after: "\(afterName) a \(after.kind)")
        }
    }

    /// The primary a Sentinel group names, and its replicas, on both sides.
    static func sentinelRows(_ a: SentinelGroup, _ b: SentinelGroup) -> [DiffRow] {
        var rows = [DiffRow.text(.topology, node: b.master, name: "sentinel primary", before: a.primary, after: b.primary, note: "failover")].compactMap { $0 }
        let (old, new) = (Set(a.replicas.map(\.address)), Set(b.replicas.map(\.address)))
        for replica in old.subtracting(new).sorted() { rows.append(DiffRow(section: .topology, node: b.master, name: "replica", before: replica, after: nil, change: "removed")) }
        for replica in new.subtracting(old).sorted() { rows.append(DiffRow(section: .topology, node: b.master, name: "replica", before: nil, after: replica, change: "added")) }
        return rows
    }

    /// Which reports only one side holds, and which nodes failed.
    static func pairNotes(_ a: [String], _ b: [String], failed: ([String], [String])) -> [String] {
        var notes: [String] = []
        for name in a where !b.contains(name) { notes.append("\(name): only before, not compared") }
        for name in b where !a.contains(name) { notes.append("\(name): only after, not compared") }
        for name in failed.0 { notes.append("\(name): failed before") }
        for name in failed.1 { notes.append("\(name): failed after") }
        return notes
    }

    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "no \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
            context.codingPath.map(\.stringValue).joined(separator: ".") + ": " + context.debugDescription
        default: "\(error)"
        }
    }
}
