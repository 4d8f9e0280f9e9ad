import Testing

@testable import Inspector

@Suite("Faults: formatting out-of-range figures")
struct FormattingEdgeTests {
    @Test("durations beyond Int's range or not finite are shown, not trapped on (regression)")
    func hugeDurations() {
        #expect(Formatting.duration(1e300) == "∞")
        #expect(Formatting.duration(-.infinity) == "∞")
        #expect(Formatting.duration(.nan) == "-")
        #expect(Formatting.duration(90) == "1m30s")
    }

    @Test("percentages, numbers and sizes of absurd values are shown, not trapped on (regression)")
    func hugeFigures() {
        for value in [1e300, -1e300, Double.infinity, -Double.infinity, Double.nan, 1e19, -1e19] {
            _ = Formatting.percent(value)
            _ = Formatting.percent(value, decimals: 0)
            _ = Formatting.number(value)
            _ = Formatting.bytes(value)
            _ = Formatting.milliseconds(value)
        }
        #expect(Formatting.percent(1e20) == "1e+22%")
    }
}
