import Testing

@testable import TerminalUI

@Suite struct ColumnFitTests {
    /// A name (kept), a figure and its sparkline, another figure.
    static let columns = [
        ColumnFit.Column(width: 15, minimum: 10, fill: true, shrinksBeforeRank: 5),
        ColumnFit.Column(width: 6, dropRank: 10),
        ColumnFit.Column(width: 12, minimum: 5, dropRank: 1),
        ColumnFit.Column(width: 7, dropRank: 6),
    ]

    @Test func everythingFitsWithRoomToSpare() {
        let fit = ColumnFit(Self.columns, available: 50, spacing: 1)
        #expect(fit.shown == [0, 1, 2, 3])
        #expect(fit.widths == [22, 6, 12, 7], "spare room goes to the fill column")
        #expect(fit.hiddenRight == 0)
        #expect(fit.note().isEmpty)
    }

    @Test func sparklinesShrinkThenGoBeforeTheNameIsShortenedAndFiguresLast() {
        #expect(ColumnFit(Self.columns, available: 38, spacing: 1).widths == [15, 6, 7, 7])
        let noSpark = ColumnFit(Self.columns, available: 30, spacing: 1)
        #expect(noSpark.shown == [0, 1, 3])
        #expect(noSpark.widths == [15, 6, 7])
        #expect(noSpark.note() == "+1 cols →")
        let shortName = ColumnFit(Self.columns, available: 25, spacing: 1)
        #expect(shortName.shown == [0, 1, 3])
        #expect(shortName.widths == [10, 6, 7])
        let oneFigure = ColumnFit(Self.columns, available: 20, spacing: 1)
        #expect(oneFigure.shown == [0, 1])
        #expect(oneFigure.hiddenRight == 2)
        let nameOnly = ColumnFit(Self.columns, available: 8, spacing: 1)
        #expect(nameOnly.shown == [0], "a kept column stays, at its minimum or less")
        #expect(nameOnly.widths == [10])
    }

    @Test func scrollingBringsHiddenColumnsIn() {
        // At 30 the sparkline is hidden (see above); with the first figure scrolled out it fits.
        let fit = ColumnFit(Self.columns, available: 30, spacing: 1, scroll: 1)
        #expect(fit.hiddenLeft == 1)
        #expect(fit.shown == [0, 2, 3])
        #expect(fit.widths == [15, 6, 7])
        #expect(fit.note() == "← 1")
    }
}
