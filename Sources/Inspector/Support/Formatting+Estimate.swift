// How an estimated figure is written: plain when exact, `~1.24M ±0.8%` when estimated.

extension Formatting {
    /// `1.2k` exact, `~1.24M ±0.8%` estimated, `~0 ≤95` when none was seen but some may be.
    /// - Parameter format: writes the value, e.g. ``number(_:)`` or ``bytes(_:)``.
    public static func estimate(_ estimate: Estimate, _ format: (Double) -> String) -> String {
        let value = estimateValue(estimate, format)
        let margin = estimateMargin(estimate, format)
        return margin.isEmpty ? value : value + " " + margin
    }

    /// The value part alone, for a table column: `1.2k` exact, `~1.24M` estimated, `~0`.
    public static func estimateValue(_ estimate: Estimate, _ format: (Double) -> String) -> String {
        estimate.isExact ? format(estimate.value) : "~" + format(estimate.value)
    }

    /// The interval part alone: `±0.8%`, `≤95` when the value is 0, empty when exact.
    public static func estimateMargin(_ estimate: Estimate, _ format: (Double) -> String = number) -> String {
        if estimate.isExact { return "" }
        if estimate.value == 0 { return estimate.high.isFinite ? "≤" + format(estimate.high.rounded(.up)) : "" }
        guard estimate.high.isFinite else { return "" }
        return "±" + percent(estimate.relativeHalfWidth)
    }
}
