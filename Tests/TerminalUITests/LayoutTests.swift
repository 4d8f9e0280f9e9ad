import TerminalUI
import Testing

@Suite("Layout")
struct LayoutTests {
    @Test func lengthsAndFill() {
        let rects = Layout.vertical([.length(1), .fill(1), .length(2)]).split(Rect(x: 0, y: 0, width: 10, height: 20))
        #expect(
            rects == [
                Rect(x: 0, y: 0, width: 10, height: 1),
                Rect(x: 0, y: 1, width: 10, height: 17),
                Rect(x: 0, y: 18, width: 10, height: 2),
            ])
    }

    @Test func percentagesAndRatios() {
        #expect(Layout.sizes(for: [.percentage(25), .percentage(75)], in: 100) == [25, 75])
        #expect(Layout.sizes(for: [.ratio(1, 3), .ratio(2, 3)], in: 90) == [30, 60])
        // Rounding leftovers go to the last segment, so the whole space is used.
        #expect(Layout.sizes(for: [.ratio(1, 3), .ratio(1, 3), .ratio(1, 3)], in: 10) == [3, 3, 4])
    }

    @Test func fillWeightsShareTheRest() {
        #expect(Layout.sizes(for: [.length(10), .fill(1), .fill(2)], in: 40) == [10, 10, 20])
        #expect(Layout.sizes(for: [.fill(1), .fill(1), .fill(1)], in: 10) == [4, 3, 3])
    }

    @Test func minGrowsMaxCaps() {
        #expect(Layout.sizes(for: [.min(5), .length(3)], in: 20) == [17, 3])
        #expect(Layout.sizes(for: [.min(5), .fill(1)], in: 20) == [5, 15])
        #expect(Layout.sizes(for: [.max(8), .fill(1)], in: 20) == [8, 12])
        #expect(Layout.sizes(for: [.max(30)], in: 20) == [20])
        #expect(Layout.sizes(for: [.max(5), .max(5)], in: 20) == [5, 5])
    }

    @Test func laterSegmentsShrinkWhenSpaceRunsOut() {
        #expect(Layout.sizes(for: [.length(8), .length(8), .fill(1)], in: 10) == [8, 2, 0])
        #expect(Layout.sizes(for: [.length(3)], in: 0) == [0])
    }

    @Test func horizontalWithMarginAndSpacing() {
        let rects = Layout.horizontal([.length(4), .fill(1)]).margin(1).spacing(1).split(Rect(x: 0, y: 0, width: 12, height: 5))
        #expect(
            rects == [
                Rect(x: 1, y: 1, width: 4, height: 3),
                Rect(x: 6, y: 1, width: 5, height: 3),
            ])
    }

    @Test func nestedSplitsTileTheScreen() {
        let screen = Rect(x: 0, y: 0, width: 200, height: 60)
        let rows = Layout.vertical([.length(1), .fill(1), .length(1)]).split(screen)
        let columns = Layout.horizontal([.percentage(60), .fill(1)]).split(rows[1])
        #expect(columns.map(\.width).reduce(0, +) == 200)
        #expect(columns[0].width == 120 && columns[1].x == 120)
        #expect(rows.map(\.height).reduce(0, +) == 60)
    }
}
