// The replay's timeline bar: the clock, the speed, paused or playing, and the alert moments.
import TerminalUI

/// One row above the hint bar: ` REPLAY 14:03:20 ×5 ---!----|---!-- 14:00:00–14:20:00 `, each
/// recorded alert transition a `!`, the clock a `|`. The keys are in the hint bar and help.
enum ReplayTimeline {
    static func render(_ clock: ReplayClock, theme: Theme, in area: Rect, buffer: inout Buffer) {
        buffer.fill(area, with: Cell.blank.styled(theme.background))
        let head: DisplayText = " \(clock.paused ? "PAUSED" : "REPLAY") \(clock.wallTime(clock.position)) ×\(clock.speed) "
        // The count of marks only where there is room for a useful bar beside it.
        let marks = area.width < 120 ? "" : clock.alertMoments.isEmpty ? " no alert transition recorded" : " \(clock.alertMoments.count) alert transition(s) !"
        let tail: DisplayText = " \(clock.wallTime(clock.bounds.lowerBound))–\(clock.wallTime(clock.bounds.upperBound)) UTC \(marks) "
        var x = buffer.setString(area.x, area.y, head, style: (clock.paused ? theme.warn : theme.ok).adding(.reverse))
        let barWidth = max(0, area.width - (x - area.x) - tail.width - 2)
        guard barWidth > 4 else { return }
        let span = max(1, clock.bounds.upperBound - clock.bounds.lowerBound)
        func column(_ t: Int64) -> Int { Int((t - clock.bounds.lowerBound) * Int64(barWidth - 1) / span) }
        var cells = Array(repeating: Character("-"), count: barWidth)
        for moment in clock.alertMoments where clock.bounds.contains(moment) { cells[column(moment)] = "!" }
        let cursor = column(clock.position)
        cells[cursor] = "|"
        x += 1
        for (offset, character) in cells.enumerated() {
            let style = offset == cursor ? theme.accent.adding(.bold) : character == "!" ? theme.critical : theme.muted
            buffer.setString(x + offset, area.y, DisplayText(sanitizing: String(character)), style: style)
        }
        _ = buffer.setString(x + barWidth + 1, area.y, tail, style: theme.muted)
    }
}
