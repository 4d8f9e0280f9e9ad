import TerminalUI
import Testing

@Suite("Widget snapshots")
struct WidgetSnapshotTests {
    @Test func blockWithTitles() {
        var b = Buffer(width: 30, height: 4)
        Block(title: "Keys", titleRight: "1 204 keys").render(in: b.area, buffer: &b)
        expectSnapshot(b, named: "block-titles")
    }

    @Test func focusedBlockAndASCII() {
        var b = Buffer(width: 24, height: 6)
        let halves = Layout.vertical([.fill(1), .fill(1)]).split(b.area)
        Block(title: "Focused", focused: true).render(in: halves[0], buffer: &b)
        Block(title: "ASCII", symbols: .ascii).render(in: halves[1], buffer: &b)
        expectSnapshot(b, named: "block-focused-ascii")
    }

    @Test func paragraphWrapsByDisplayWidth() {
        var b = Buffer(width: 16, height: 8)
        let p = Paragraph(text: "Cache-aside: read the cache first, then the database.\n東京の天気は晴れです。キャッシュ", wrap: true)
        p.render(in: b.area, buffer: &b)
        expectSnapshot(b, named: "paragraph-wrap")
    }

    @Test func paragraphScrolls() {
        var b = Buffer(width: 10, height: 2)
        Paragraph(text: "one\ntwo\nthree\nfour", wrap: false, scroll: 2).render(in: b.area, buffer: &b)
        #expect(b.text == "three\nfour")
    }

    @Test func tableWithHeaderAndSelection() {
        var b = Buffer(width: 40, height: 6)
        let rows = (1...10).map { i in Table.Row(["user:\(1000 + i):session", i % 2 == 0 ? "hash" : "string", "\(i * 30)s"]) }
        let table = Table(rows: rows, widths: [.fill(1), .length(6), .length(5)], header: Table.Row(["KEY", "TYPE", "TTL"]), alignments: [.left, .left, .right], highlightSymbol: "▶ ")
        var state = TableState(selected: 7)
        table.render(in: b.area, buffer: &b, state: &state)
        #expect(state.offset == 3)  // selection kept visible at the bottom
        expectSnapshot(b, named: "table-selection")
    }

    @Test func tableCutsLongCellsWithEllipsis() {
        var b = Buffer(width: 20, height: 2)
        let table = Table(rows: [Table.Row(["product:catalog:electronics:tv", "12"])], widths: [.fill(1), .length(3)], alignments: [.left, .right])
        var state = TableState()
        table.render(in: b.area, buffer: &b, state: &state)
        #expect(b.textLines()[0] == "product:catalog…  12")
    }

    @Test func listWithSelection() {
        var b = Buffer(width: 20, height: 3)
        var state = ListState(selected: 4)
        ListView(["invalidate:user", "invalidate:product", "news", "alerts", "metrics"], highlightSymbol: "> ").render(in: b.area, buffer: &b, state: &state)
        expectSnapshot(b, named: "list-selection")
    }

    @Test func treeWithMarkersAndCounts() {
        var b = Buffer(width: 36, height: 6)
        let rows = [
            TreeRow(depth: 0, label: "user:", isExpanded: true, hasChildren: true, trailing: ["1204", "3.1M"]),
            TreeRow(depth: 1, label: "session:", isExpanded: false, hasChildren: true, trailing: ["602", "1.2M"]),
            TreeRow(depth: 1, label: "profile:", isExpanded: true, hasChildren: true, trailing: ["602", "1.9M"]),
            TreeRow(depth: 2, label: "user:1001:profile", trailing: ["1", "2.1K"]),
            TreeRow(depth: 0, label: "product:", hasChildren: true, trailing: ["88", "310K"]),
        ]
        var state = ListState(selected: 3)
        TreeView(rows).render(in: b.area, buffer: &b, state: &state)
        expectSnapshot(b, named: "tree")
        var ascii = Buffer(width: 36, height: 6)
        TreeView(rows, symbols: .ascii).render(in: ascii.area, buffer: &ascii, state: &state)
        expectSnapshot(ascii, named: "tree-ascii")
    }

    @Test func sparklineLevels() {
        var b = Buffer(width: 9, height: 1)
        Sparkline([0, 1, 2, 3, 4, 5, 6, 7, 8], max: 8).render(in: b.area, buffer: &b)
        #expect(b.textLines() == [" ▁▂▃▄▅▆▇█"])
        var a = Buffer(width: 9, height: 1)
        Sparkline([0, 1, 2, 3, 4, 5, 6, 7, 8], max: 8, symbols: .ascii).render(in: a.area, buffer: &a)
        #expect(a.textLines() == [" .:-=+*##"])
    }

    @Test func sparklineNewestSampleIsRightAligned() {
        var b = Buffer(width: 6, height: 1)
        Sparkline([8, 4, 8]).render(in: b.area, buffer: &b)
        #expect(b.textLines() == ["   █▄█"])
        var c = Buffer(width: 3, height: 1)
        Sparkline([1, 1, 1, 8, 4, 8]).render(in: c.area, buffer: &c)  // only the newest fit
        #expect(c.textLines() == ["█▄█"])
    }

    @Test func sparklineUsesGradientAndRows() {
        var b = Buffer(width: 4, height: 2)
        Sparkline([0, 4, 8, 16], gradient: [.blue, .green, .red]).render(in: b.area, buffer: &b)
        expectSnapshot(b, named: "sparkline-two-rows")
        #expect(b[3, 1].foreground == .red)
        #expect(b[2, 1].foreground == .green)
    }

    @Test func gaugeShowsPercentageAndThresholds() {
        var b = Buffer(width: 20, height: 1)
        Gauge(ratio: 0.5).render(in: b.area, buffer: &b)
        #expect(b.textLines() == ["        50%         "])
        #expect(b[0, 0].modifiers.contains(.reverse))
        #expect(!b[15, 0].modifiers.contains(.reverse))
        let theme = Theme.default
        var c = Buffer(width: 10, height: 1)
        Gauge(ratio: 0.95, label: "mem 95%", theme: theme).render(in: c.area, buffer: &c)
        #expect(c[0, 0].foreground == theme.critical.foreground)
    }

    @Test func hintBarDropsHintsThatDoNotFit() {
        var b = Buffer(width: 30, height: 1)
        HintBar([
            KeyHint(keys: "q", description: "quit"), KeyHint(keys: "?", description: "help"), KeyHint(keys: "/", description: "filter"), KeyHint(keys: "d", description: "delete", isDangerous: true),
        ])
        .render(in: b.area, buffer: &b)
        #expect(b.text == " q quit  ? help  / filter")
    }

    @Test func helpOverlayIsCentredAndGrouped() {
        var b = Buffer(width: 44, height: 12)
        b.fill(b.area, with: Cell(symbol: "."))
        HelpOverlay([
            HelpSection(title: "Keys", entries: [KeyHint(keys: "Enter", description: "open value"), KeyHint(keys: "d", description: "delete key", isDangerous: true)]),
            HelpSection(title: "Global", entries: [KeyHint(keys: "q/Ctrl-C", description: "quit"), KeyHint(keys: "?", description: "help")]),
        ]).render(in: b.area, buffer: &b)
        expectSnapshot(b, named: "help-overlay")
    }

    @Test func confirmDialogs() {
        var b = Buffer(width: 50, height: 9)
        ConfirmDialog(title: "Delete key", message: [Line("Delete user:1001:session?")]).render(in: b.area, buffer: &b)
        expectSnapshot(b, named: "confirm-yes-no")

        for (typed, name) in [("DEL", "confirm-typed-partial"), ("DELETE", "confirm-typed-match")] {
            var t = Buffer(width: 50, height: 9)
            let dialog = ConfirmDialog(title: "Delete by pattern", message: [Line("Delete 1 204 keys matching user:*?")], kind: .typedWord(expected: "DELETE", typed: typed))
            dialog.render(in: t.area, buffer: &t)
            #expect(dialog.matches == (typed == "DELETE"))
            expectSnapshot(t, named: name)
        }
    }

    @Test func inputLineScrollsToTheCursor() {
        var state = InputLineState(text: "zset leaderboard:global:weekly")
        var b = Buffer(width: 16, height: 1)
        InputLine(prompt: ":").render(in: b.area, buffer: &b, state: &state)
        #expect(b.textLines() == ["::global:weekly "])
        #expect(b[15, 0].modifiers.contains(.reverse))
        state.moveCursor(to: 0)
        var c = Buffer(width: 16, height: 1)
        InputLine(prompt: ":").render(in: c.area, buffer: &c, state: &state)
        #expect(c.textLines() == [":zset leaderboar"])
        #expect(c[1, 0].modifiers.contains(.reverse))
    }

    @Test func tabsAndStatusBar() {
        var b = Buffer(width: 60, height: 2)
        Tabs(["Overview", "Keys", "Leaderboard", "Pub/Sub", "Server"], selected: 1).render(in: b.area.row(0), buffer: &b)
        StatusBar(left: [Span("127.0.0.1:6379"), Span(" connected")], right: [Span("read-only"), Span(" 12:04:05")]).render(in: b.area.row(1), buffer: &b)
        expectSnapshot(b, named: "tabs-status")
        #expect(b[13, 0].modifiers.contains(.reverse))  // " 2 Keys " is active
    }

    @Test func statusBarRightSideWins() {
        var b = Buffer(width: 20, height: 1)
        StatusBar(left: [Span("a very long left side text")], right: [Span("RIGHT")]).render(in: b.area, buffer: &b)
        #expect(b.textLines() == ["a very long l… RIGHT"])
    }

    @Test func dashboardComposition() {
        var b = Buffer(width: 80, height: 16)
        let theme = Theme.default
        let rows = Layout.vertical([.length(1), .fill(1), .length(1)]).split(b.area)
        Tabs(["Overview", "Keys"], selected: 0, theme: theme).render(in: rows[0], buffer: &b)
        let cols = Layout.horizontal([.percentage(50), .fill(1)]).split(rows[1])
        let left = Block(title: "ops/s", titleRight: "12.4k", focused: true, theme: theme)
        left.render(in: cols[0], buffer: &b)
        let inner = left.inner(cols[0])
        Sparkline((0..<60).map { Double(($0 * 37) % 23) }, theme: theme).render(in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 3), buffer: &b)
        Gauge(ratio: 0.82, label: "hit rate 82%", theme: theme).render(in: Rect(x: inner.x, y: inner.y + 4, width: inner.width, height: 1), buffer: &b)
        let right = Block(title: "Keys", theme: theme)
        right.render(in: cols[1], buffer: &b)
        var state = TableState(selected: 1)
        Table(
            rows: [Table.Row(["user:1001:profile", "hash", "3600"]), Table.Row(["product:42", "string", "-1"]), Table.Row(["leaderboard", "zset", "-1"])],
            widths: [.fill(1), .length(6), .length(5)], header: Table.Row(["KEY", "TYPE", "TTL"]), alignments: [.left, .left, .right]
        ).render(in: right.inner(cols[1]), buffer: &b, state: &state)
        HintBar([KeyHint(keys: "q", description: "quit"), KeyHint(keys: "?", description: "help")], theme: theme).render(in: rows[2], buffer: &b)
        expectSnapshot(b, named: "dashboard")
    }
}
