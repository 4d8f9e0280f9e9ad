// `cachescope diff A B`: two snapshot JSON files, or two moments of one recording, compared.
import ArgumentParser
import Foundation
import Inspector
import Recording
import RedisClient

/// Reads both sides, compares them and prints what changed (text, or `--json`). Any input that
/// cannot be compared is one line on stderr and exit status 2.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two snapshots (snapshot --json, --keys --json or --clients --json), or two moments of a recording.",
        discussion: """
            A and B are two snapshot JSON files of one kind, or FILE@HH:MM[:SS] FILE@HH:MM[:SS]: two moments (UTC) of one \
            recording, each the last sample at or before it. Shows memory and keys (per prefix, with the intervals of \
            estimates), configuration, clients, topology, calls per command, rates, and a recording's events between the \
            moments; biggest changes first.
            """
    )

    @Argument(help: ArgumentHelp("The side before: a snapshot JSON file, or FILE@HH:MM[:SS].", valueName: "A")) var before: String
    @Argument(help: ArgumentHelp("The side after: a snapshot JSON file, or FILE@HH:MM[:SS] of the same recording.", valueName: "B")) var after: String
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() throws {
        let report: DiffReport
        do { report = try Self.compare(DiffOperand(before), DiffOperand(after)) } catch let error as UsageError { throw error } catch {
            throw UsageError("\(error)")
        }
        print(json ? report.json() : DiffText.render(report), terminator: json ? "\n" : "")
    }

    /// Both sides read and compared.
    /// - Throws: `UsageError` for any input that cannot be compared.
    static func compare(_ a: DiffOperand, _ b: DiffOperand) throws -> DiffReport {
        switch (a, b) {
        case (.moment(let path, let x), .moment(let otherPath, let y)):
            guard URL(fileURLWithPath: path).standardizedFileURL == URL(fileURLWithPath: otherPath).standardizedFileURL else {
                throw UsageError("\(path) and \(otherPath): two moments of one recording are compared, not two recordings")
            }
            let reader = try RecordingReader(path: path)
            let (ta, tb) = (try x.resolve(in: reader), try y.resolve(in: reader))
            let clock = { (t: Int64) in RecordingMoment.clock(reader.startedAtMilliseconds + t) }
            let name = URL(fileURLWithPath: path).lastPathComponent
            return try reader.diff(from: ta, to: tb, before: "\(name)@\(clock(ta)) UTC", after: "\(name)@\(clock(tb)) UTC")
        case (.file(let x), .file(let y)):
            let first = try DiffOperand.snapshot(x)
            return try first.diff(to: DiffOperand.snapshot(y), before: x, after: y)
        case (.moment(let path, _), .file(let file)), (.file(let file), .moment(let path, _)):
            throw UsageError("\(file) is a snapshot and \(path) a recording's moment: compare two snapshots, or two moments of one recording")
        }
    }
}

/// One side of a diff as written on the command line.
enum DiffOperand {
    case file(String)
    case moment(path: String, RecordingMoment)

    /// `FILE@HH:MM[:SS]` is a moment; anything else a file (a path may hold an `@`).
    init(_ text: String) {
        if let at = text.lastIndex(of: "@"), let moment = RecordingMoment(parsing: String(text[text.index(after: at)...])) {
            self = .moment(path: String(text[..<at]), moment)
        } else {
            self = .file(text)
        }
    }

    /// A snapshot file read and recognised.
    /// - Throws: `UsageError` when it is missing, a recording, or not a snapshot.
    static func snapshot(_ path: String) throws -> SnapshotDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            var directory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &directory)
            throw UsageError(exists ? "\(path): \(directory.boolValue ? "a directory" : "cannot be read")" : "\(path): no such file")
        }
        if data.starts(with: Array("SQLite format 3\0".utf8)) {
            throw UsageError("\(path) is a SQLite file (a recording?): name a moment of it, \(path)@HH:MM[:SS], on both sides")
        }
        return try SnapshotDocument(data: data, name: path)
    }
}
