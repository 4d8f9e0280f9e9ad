import TerminalUI
import Testing

@Suite("Buffer diff")
struct BufferDiffTests {
    @Test func identicalBuffersHaveNoChanges() {
        var a = Buffer(width: 20, height: 5)
        a.setString(0, 0, "hello")
        #expect(a.diff(from: a).isEmpty)
    }

    @Test func oneChangedCellIsOneChange() {
        var a = Buffer(width: 20, height: 5)
        a.setString(0, 2, "ops/s 1200")
        var b = a
        b.setString(9, 2, "5")
        let changes = b.diff(from: a)
        #expect(changes == [CellChange(x: 9, y: 2, cell: Cell(symbol: "5"))])
    }

    @Test func styleChangeIsAChange() {
        let a = Buffer(width: 4, height: 1)
        var b = a
        b.setStyle(Rect(x: 1, y: 0, width: 1, height: 1), Style(foreground: .red))
        #expect(b.diff(from: a).map(\.x) == [1])
    }

    @Test func wideCharactersAreEmittedOnce() {
        let a = Buffer(width: 10, height: 1)
        var b = a
        b.setString(2, 0, "東")
        let changes = b.diff(from: a)
        #expect(changes.count == 1)
        #expect(changes.first?.x == 2 && changes.first?.cell.symbol == "東")
    }

    @Test func overwritingHalfAWideCharacterRepairsIt() {
        var a = Buffer(width: 10, height: 1)
        a.setString(0, 0, "東京")
        var b = a
        b.setString(1, 0, "x")  // cuts 東 in half: its left half becomes a space
        #expect(b.textLines() == [" x京      "])
        let changes = b.diff(from: a)
        #expect(changes.map(\.x) == [0, 1])
    }

    @Test func wideReplacedByNarrowEmitsBothColumns() {
        var a = Buffer(width: 6, height: 1)
        a.setString(0, 0, "東")
        var b = a
        b.setString(0, 0, "ab")
        #expect(b.diff(from: a).map(\.cell.symbol) == ["a", "b"])
    }

    @Test func resizeIsAFullRedraw() {
        let a = Buffer(width: 10, height: 3)
        let b = Buffer(width: 12, height: 3)
        #expect(b.diff(from: a).count == 36)
        var c = Buffer(width: 4, height: 1)
        c.setString(0, 0, "東x")
        #expect(c.diff(from: a).count == 3)  // continuation cells are never emitted
    }

    @Test func writesOutsideTheAreaAreDropped() {
        var b = Buffer(area: Rect(x: 5, y: 5, width: 3, height: 1))
        b.setString(3, 5, "abcdefg")
        #expect(b.textLines() == ["cde"])
        b.setString(0, 0, "zzz")
        #expect(b.textLines() == ["cde"])
    }
}
