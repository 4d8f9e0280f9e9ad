import ArgumentParser
import Foundation
import Recording
import RedisClient

/// `cachescope report FILE`: a recording turned into a postmortem: an HTML page with charts
/// and/or a Markdown summary (printed when neither output is named). A time that cannot be read
/// is a usage error (exit status 2).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Turn a recording into a postmortem: an HTML page with charts (--html) and a Markdown summary (--markdown, or printed)."
    )

    @Argument(help: "The recording (a SQLite file written by --record).") var file: String
    @Option(help: ArgumentHelp("Write the self-contained HTML page here.", valueName: "OUT")) var html: String?
    @Option(help: ArgumentHelp("Write the Markdown summary here (without --html or --markdown it is printed).", valueName: "OUT")) var markdown: String?
    @Option(help: ArgumentHelp("Start at this time (HH:MM[:SS] on the recording's day, or an ISO 8601 date-time).", valueName: "T")) var from: String?
    @Option(help: ArgumentHelp("End at this time (HH:MM[:SS] or an ISO 8601 date-time).", valueName: "T")) var to: String?

    func run() throws {
        let database = try SQLiteDatabase.openRecording(path: file)
        let startedAt = Int64(try database.rows("SELECT value FROM meta WHERE key = 'started_at_ms'") { $0.text(0) ?? "" }.first ?? "") ?? 0
        let lower: Int64?
        let upper: Int64?
        do {
            lower = try from.map { try ReportTime.parse($0, startedAt: startedAt) }
            upper = try to.map { try ReportTime.parse($0, startedAt: startedAt) }
        } catch let error as ReportTime.ParseError {
            throw UsageError(error.description)
        }
        if let lower, let upper, upper < lower { throw UsageError("--to \(to ?? "") is before --from \(from ?? "")") }
        let data = try ReportData.load(database, from: lower, to: upper)
        let clock = ReportClock(startedAt: startedAt)
        if let html { try Data(ReportHTML.page(data, clock: clock).utf8).write(to: URL(fileURLWithPath: html)) }
        let summary = ReportMarkdown.summary(data, clock: clock)
        if let markdown { try Data(summary.utf8).write(to: URL(fileURLWithPath: markdown)) }
        if html == nil, markdown == nil { print(summary, terminator: "") }
    }
}
