import Foundation
import Recording
import Testing

/// The report's HTML and Markdown built from a fixture recording: escaping of hostile names,
/// alert shading, the window, the summary of alerts.
@Suite("Report: HTML and Markdown builders")
struct ReportBuilderTests {
    let utc = TimeZone(identifier: "UTC")!

    func build(from: String? = nil, to: String? = nil) throws -> (ReportData, String, String) {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let db = try SQLiteDatabase.openRecording(path: fixture.path)
        let lower = try from.map { try ReportTime.parse($0, startedAt: ReportFixture.startedAt, timeZone: utc) }
        let upper = try to.map { try ReportTime.parse($0, startedAt: ReportFixture.startedAt, timeZone: utc) }
        let data = try ReportData.load(db, from: lower, to: upper)
        let clock = ReportClock(startedAt: ReportFixture.startedAt, timeZone: utc)
        return (data, ReportHTML.page(data, clock: clock), ReportMarkdown.summary(data, clock: clock))
    }

    @Test("a hostile key name and non-UTF-8 bytes are escaped in HTML and Markdown")
    func escaping() throws {
        let (_, html, markdown) = try build()
        #expect(!html.contains("<script>"))
        #expect(!html.contains("\u{1b}"))
        #expect(html.contains("evil:\\x1b[2J&lt;script&gt;\\xff\\xfe"))
        #expect(!html.contains("<b>new master</b>"))
        #expect(html.contains("&lt;b&gt;new master&lt;/b&gt;"))
        #expect(html.contains("prod &lt;cache&gt;"))
        #expect(!markdown.contains("\u{1b}"))
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("evil:\\\\x1b\\[2J\\<script\\>\\\\xff\\\\xfe"))
        // The failover detail's `|` cannot open a new column: every table row has its header's count.
        let row = try #require(markdown.split(separator: "\n").first { $0.contains("promoted") })
        #expect(row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 5)
    }

    @Test("the page is self-contained: no script, no URL, no import, no font, whatever the recording holds")
    func selfContained() throws {
        let (_, html, _) = try build()
        let lowered = html.lowercased()
        for forbidden in ["<script", "http://", "https://", "@import", "url(", "src=", "href=", "@font-face", "<link", "<iframe", "<object"] {
            #expect(!lowered.contains(forbidden), "the page contains \(forbidden)")
        }
        #expect(lowered.contains("<svg"))
    }

    @Test("alert periods are shaded on the charts and summarised with their times")
    func alerts() throws {
        let (data, html, markdown) = try build()
        let periods = AlertPeriod.periods(data)
        #expect(periods.map(\.rule) == ["hit ratio below 80%", "evictions above 10/s"])
        #expect(periods.map(\.end) == [305_000, 290_000])
        // Five charts for node 1, each with two shaded periods; node 2 has none.
        #expect(html.components(separatedBy: "fill=\"\(ReportChart.shade)\"").count - 1 == 10)
        #expect(html.components(separatedBy: "<polyline").count - 1 == 10)
        // The failover (node 2) and the expire (node 1) are marked on their node's five charts.
        #expect(html.components(separatedBy: "stroke=\"\(ReportChart.mark)\"").count - 1 == 10)
        #expect(html.contains("<title>14:02:30 expire evil:\\x1b[2J&lt;script&gt;\\xff\\xfe: done</title>"))
        #expect(markdown.contains("| hit ratio below 80% | warning | 10.0.0.1:6379 | 14:02:05 | 14:05:05 | 3m 00s | 40% |"))
        #expect(markdown.contains("| evictions above 10/s | critical | 10.0.0.1:6379 | 14:02:10 | 14:04:50 | 2m 40s | 25/s |"))
        #expect(markdown.contains("| 10.0.0.1:6379 | master |"))
        #expect(markdown.contains("| user: | 7.6 MB | 22.9 MB | +15.3 MB | 2000 | 6000 |"))
    }

    @Test("--from and --to keep only the window; an alert firing before it is shaded from its start")
    func window() throws {
        let (data, html, markdown) = try build(from: "14:03", to: "14:04:00")
        #expect(data.from == 180_000 && data.to == 240_000)
        #expect(data.nodes.allSatisfy { $0.samples.first?.t == 180_000 && $0.samples.last?.t == 240_000 })
        #expect(data.actions.isEmpty)
        #expect(AlertPeriod.periods(data).map(\.start) == [180_000, 180_000])
        #expect(AlertPeriod.periods(data).allSatisfy { $0.end == nil })
        #expect(markdown.contains("2026-12-05 14:03:00 +00:00 to 14:04:00"))
        #expect(markdown.contains("still firing at the end"))
        #expect(!html.contains("14:02:30"))
    }

    @Test("times: HH:MM, HH:MM:SS and ISO 8601 are read; anything else is a clear error")
    func times() throws {
        let start = ReportFixture.startedAt
        #expect(try ReportTime.parse("14:20", startedAt: start, timeZone: utc) == 1_200_000)
        #expect(try ReportTime.parse("14:00:30", startedAt: start, timeZone: utc) == 30_000)
        #expect(try ReportTime.parse("2026-12-05T14:01:00Z", startedAt: start, timeZone: utc) == 60_000)
        #expect(try ReportTime.parse("2026-12-05T15:01:00+01:00", startedAt: start, timeZone: utc) == 60_000)
        // Past midnight: 00:10 is the next day.
        #expect(try ReportTime.parse("00:10", startedAt: start, timeZone: utc) == (10 * 3600 + 10 * 60) * 1000)
        for bad in ["25:00", "14:6", "yesterday", "14:00:00:00", ""] {
            #expect(throws: ReportTime.ParseError.self) { try ReportTime.parse(bad, startedAt: start, timeZone: utc) }
        }
    }

    @Test("a long recording stays a page of bounded size: one min/max pair per pixel column")
    func downsampling() throws {
        let fixture = try ReportFixture(seconds: 6 * 3600)
        defer { fixture.remove() }
        let data = try ReportData.load(try SQLiteDatabase.openRecording(path: fixture.path))
        let html = ReportHTML.page(data, clock: ReportClock(startedAt: ReportFixture.startedAt, timeZone: utc))
        // 10 charts of at most 2 × 600 points each.
        #expect(html.utf8.count < 150_000)
        let series = ReportSeries.of(data.nodes[0], .opsPerSecond).downsampled(columns: ReportChart.columns, from: data.from, to: data.to)
        #expect(series.count == ReportChart.columns && series.allSatisfy { $0 != nil })
    }
}
