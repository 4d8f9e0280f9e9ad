import Foundation
import Recording
import Testing

/// The report's HTML rendered by a real browser (Debian's chromium, headless) to a PNG, decoded
/// with python3's standard library: the page has the expected size, the series are drawn and the
/// alert periods are shaded. A missing chromium fails the test: it is part of `.ci/run`.
@Suite("Report: rendered by Chromium")
struct ReportChromiumTests {
    @Test("the page renders with charts drawn and alerts shaded")
    func rendered() throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let chromium else {
            Issue.record("chromium is not installed: apt-get install chromium (.ci/run installs it)")
            return
        }
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let data = try ReportData.load(try SQLiteDatabase.openRecording(path: fixture.path))
        let utc = TimeZone(identifier: "UTC")!
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html")
        let png = directory.appendingPathComponent("report.png")
        try Data(ReportHTML.page(data, clock: ReportClock(startedAt: ReportFixture.startedAt, timeZone: utc)).utf8).write(to: page)
        let (status, output) = try run(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(directory.path)/profile",
                "--screenshot=\(png.path)", "--window-size=1200,2000", page.absoluteString,
            ])
        #expect(status == 0, "chromium: \(output)")
        // To look at the picture: CACHESCOPE_REPORT_PNG=/tmp/report.png keeps a copy (and the page beside it).
        if let keep = ProcessInfo.processInfo.environment["CACHESCOPE_REPORT_PNG"] {
            try? FileManager.default.removeItem(atPath: keep)
            try? FileManager.default.removeItem(atPath: keep + ".html")
            try FileManager.default.copyItem(at: png, to: URL(fileURLWithPath: keep))
            try FileManager.default.copyItem(at: page, to: URL(fileURLWithPath: keep + ".html"))
        }
        let stroke = ReportChart.stroke.dropFirst()
        let shade = ReportChart.shade.dropFirst()
        let (_, counts) = try run(
            "/usr/bin/env", ["python3", "-c", Self.countColours, png.path, String(stroke), String(shade)])
        let figures = counts.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        try #require(figures.count == 7, "python3 said: \(counts)")
        #expect(figures[0] == 1200 && figures[1] == 2000)
        // Series pixels: ten charts of 460 columns each are in view.
        #expect(figures[2] > 3000, "stroke pixels: \(figures[2])")
        // Shaded pixels: the alert periods span about a quarter of node 1's five charts.
        #expect(figures[3] > 20_000, "shaded pixels: \(figures[3])")
        // The charts are laid out two a row, three rows a node: at least six bands of drawn
        // series from top to bottom, and in both the left and the right column a series across
        // nearly every one of the plot's pixel columns.
        #expect(figures[4] >= 6, "bands of rows with a series drawn: \(figures[4])")
        let plot = ReportChart.columns
        #expect(figures[5] > plot * 9 / 10 && figures[6] > plot * 9 / 10, "pixel columns drawn left and right: \(figures[5]), \(figures[6])")
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Decodes an 8-bit RGB(A) PNG with zlib and prints width, height, the number of pixels near
    /// each of two colours, the bands of rows holding the first colour, and the number of pixel
    /// columns holding it in the left and the right half.
    static let countColours = """
        import sys, zlib, struct
        data = open(sys.argv[1], 'rb').read()
        pos, idat, w, h, ct = 8, b'', 0, 0, 0
        while pos < len(data):
            n, kind = struct.unpack('>I4s', data[pos:pos+8]); body = data[pos+8:pos+8+n]; pos += 12 + n
            if kind == b'IHDR': w, h, depth, ct = struct.unpack('>IIBB', body[:10])
            elif kind == b'IDAT': idat += body
        bpp = 4 if ct == 6 else 3
        raw = zlib.decompress(idat); stride = w * bpp; prev = bytearray(stride); i = 0
        targets = [tuple(int(a[j:j+2], 16) for j in (0, 2, 4)) for a in sys.argv[2:4]]; counts = [0, 0]
        rows, halves = [], [set(), set()]
        for y in range(h):
            f = raw[i]; line = bytearray(raw[i+1:i+1+stride]); i += 1 + stride
            for x in range(stride):
                a = line[x-bpp] if x >= bpp else 0; b = prev[x]; c = prev[x-bpp] if x >= bpp else 0
                if f == 1: line[x] = (line[x] + a) & 255
                elif f == 2: line[x] = (line[x] + b) & 255
                elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
                elif f == 4:
                    p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            drawn = 0
            for x in range(0, stride, bpp):
                px = line[x:x+3]
                for k, t in enumerate(targets):
                    if all(abs(px[j] - t[j]) <= 40 for j in range(3)):
                        counts[k] += 1
                        if k == 0: drawn += 1; halves[0 if x < stride // 2 else 1].add(x)
            if drawn: rows.append(y)
            prev = line
        bands = sum(1 for i, y in enumerate(rows) if i == 0 or y - rows[i - 1] > 8)
        print(w, h, counts[0], counts[1], bands, len(halves[0]), len(halves[1]))
        """
}
