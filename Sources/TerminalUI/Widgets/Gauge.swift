/// A horizontal bar filled to a ratio, with a centred label (`73%` by default). The filled
/// part is drawn reversed in the bar colour, so it shows without colours as well.
public struct Gauge: Widget, Sendable, Hashable {
    /// 0…1 (clamped).
    public var ratio: Double
    /// Shown centred; nil for the percentage.
    public var label: DisplayText?
    /// The filled part's colour (as foreground; it is drawn reversed).
    public var barStyle: Style
    /// The empty part.
    public var style: Style

    public init(ratio: Double, label: DisplayText? = nil, barStyle: Style = .plain, style: Style = .plain) {
        self.ratio = ratio
        self.label = label
        self.barStyle = barStyle
        self.style = style
    }

    /// A gauge coloured ok / warn / critical by the theme, against thresholds on the ratio.
    public init(ratio: Double, label: DisplayText? = nil, warnAt: Double = 0.75, criticalAt: Double = 0.9, theme: Theme) {
        self.init(ratio: ratio, label: label, barStyle: theme.level(ratio, warnAt: warnAt, criticalAt: criticalAt), style: theme.muted)
    }

    /// The ratio clamped to 0…1 (NaN as 0).
    public var clampedRatio: Double { ratio.isNaN ? 0 : Swift.min(1, Swift.max(0, ratio)) }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let filled = Int((clampedRatio * Double(area.width)).rounded())
        let fillStyle = barStyle.adding(.reverse)
        buffer.setStyle(area, style)
        if filled > 0 {
            let bar = Rect(x: area.x, y: area.y, width: filled, height: area.height)
            buffer.fill(bar, with: Cell.blank.styled(fillStyle))
        }
        let text = label ?? "\(Int((clampedRatio * 100).rounded()))%"
        let cut = text.truncated(to: area.width)
        let y = area.y + area.height / 2
        var x = area.x + (area.width - cut.width) / 2
        for character in cut.description {
            let onBar = x < area.x + filled
            x = buffer.setString(x, y, DisplayText(trusted: String(character)), style: onBar ? fillStyle : style.patched(with: barStyle))
        }
    }
}
