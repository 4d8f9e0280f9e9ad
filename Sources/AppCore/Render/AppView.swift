import Inspector
import TerminalUI

/// Draws the whole screen from the state: title and tabs, the alert bar (on every pane), the
/// current pane, the status or hint bar, and any overlay on top.
public enum AppView {
    /// The smallest terminal the panes are laid out for; below it one line says so.
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public static func render(_ state: AppState) -> Buffer {
        var buffer = Buffer(area: Rect(x: 0, y: 0, width: state.width, height: state.height), filling: Cell.blank.styled(state.theme.background))
        let area = buffer.area
        guard area.width >= minimumWidth, area.height >= minimumHeight else {
            let text: DisplayText = "cachescope needs at least \(minimumWidth)×\(minimumHeight) (this is \(area.width)×\(area.height))"
            buffer.setString(0, 0, text.truncated(to: area.width, ellipsis: state.symbols.ellipsis), style: state.theme.critical)
            return buffer
        }
        // A replay has its timeline bar above the hint bar.
        let replayRows = state.replay == nil ? 0 : 1
        let rows = Layout.vertical([.length(1), .length(1), .fill(1), .length(replayRows), .length(1)]).split(area)
        renderTitle(state, rows[0], &buffer)
        AlertBar.render(state, in: rows[1], buffer: &buffer)
        let context = state.paneContext
        switch state.pane {
        case _ where state.replay != nil && state.pane != .overview:
            ReplayView.render(state, in: rows[2], buffer: &buffer)
        case .overview: OverviewView.render(state.overview, state.fleet, context, in: rows[2], buffer: &buffer)
        case .keys where state.keys.doctor.isOpen: DoctorView.render(state.keys, context, in: rows[2], buffer: &buffer)
        case .keys: KeysView.render(state.keys, context, in: rows[2], buffer: &buffer)
        case .leaderboard: LeaderboardView.render(state.leaderboard, context, in: rows[2], buffer: &buffer)
        case .server: ServerView.render(state.server, context, in: rows[2], buffer: &buffer)
        case .pubsub: PubSubView.render(state.pubsub, context, in: rows[2], buffer: &buffer)
        }
        if let replay = state.replay { ReplayTimeline.render(replay, theme: state.theme, in: rows[3], buffer: &buffer) }
        renderBottom(state, rows[4], &buffer)
        if let overlay = state.overlay { renderOverlay(overlay, state, area, rows[4], &buffer) }
        return buffer
    }

    static func renderTitle(_ state: AppState, _ row: Rect, _ buffer: inout Buffer) {
        let theme = state.theme
        buffer.fill(row, with: Cell.blank.styled(theme.background.patched(with: theme.title)))
        // A narrow terminal drops the program's name, then the other panes' names (their numbers stay).
        // Each tab is " N title " (or " N ") and a separator.
        func tabsWidth(_ name: DisplayText, _ titles: [DisplayText]) -> Int { name.width + titles.reduce(0) { $0 + $1.width + ($1.isEmpty ? 4 : 5) } }
        var name: DisplayText = " cachescope "
        var titles = Pane.allCases.map { DisplayText(sanitizing: $0.title) }
        if tabsWidth(name, titles) > row.width { name = " " }
        if tabsWidth(name, titles) > row.width { titles = Pane.allCases.map { $0 == state.pane ? DisplayText(sanitizing: $0.title) : .empty } }
        buffer.setString(row.x, row.y, name, style: theme.accent.adding(.bold))
        let tabsArea = Rect(x: row.x + name.width + 1, y: row.y, width: max(0, row.width - name.width - 1), height: 1)
        Tabs(titles, selected: state.pane.rawValue - 1, theme: theme, symbols: state.symbols).render(in: tabsArea, buffer: &buffer)
        var right: [Span] = []
        if state.insecureTLS { right.append(Span(" TLS NOT VERIFIED ", style: theme.critical.adding(.reverse))) }
        if state.recordingPath != nil { right.append(Span(" REC ", style: theme.critical.adding(.reverse))) }
        if state.readOnly { right.append(Span(" READ-ONLY ", style: theme.warn.adding(.reverse))) }
        let nodeText: DisplayText
        if let focused = state.focusedNode, state.nodes.indices.contains(focused) {
            nodeText = " node \(focused + 1)/\(state.nodes.count) \(state.nodes[focused].address) "
        } else {
            nodeText = state.nodes.count == 1 ? " \(state.connectionLabel) " : " \(state.connectionLabel) · \(state.nodes.count) nodes "
        }
        right.append(Span(nodeText, style: theme.muted))
        let width = right.reduce(0) { $0 + $1.width }
        if row.width - tabsWidth(name, titles) > width {
            Line(right).render(in: Rect(x: row.right - width, y: row.y, width: width, height: 1), buffer: &buffer)
        }
    }

    static func renderBottom(_ state: AppState, _ row: Rect, _ buffer: inout Buffer) {
        let theme = state.theme
        if let status = state.status {
            let style: Style
            switch status.kind {
            case .info: style = theme.text
            case .success: style = theme.ok
            case .warning: style = theme.warn
            case .error: style = theme.critical
            }
            StatusBar(left: [Span(" \(status.text)", style: style)], right: [], style: theme.background, symbols: state.symbols)
                .render(in: row, buffer: &buffer)
            return
        }
        let hints = state.pane == .keys && state.keys.doctor.isOpen ? DoctorView.hints(state.keys, state.paneContext) : state.keymap.hints(for: state.scope, first: HintOrder.first(for: state))
        HintBar(hints, theme: theme).render(in: row, buffer: &buffer)
    }

    static func renderOverlay(_ overlay: Overlay, _ state: AppState, _ screen: Rect, _ bottomRow: Rect, _ buffer: inout Buffer) {
        switch overlay {
        case .help(let scroll):
            let sections = state.keymap.helpSections(for: state.scope) + [commandHelpSection]
            let box = screen.centered(width: min(76, screen.width - 4), height: min(screen.height - 4, 40))
            HelpOverlay(sections, title: "Help: \(state.pane.title)\(state.readOnly ? " (read-only: changes disabled)" : "")", scroll: scroll, theme: state.theme, symbols: state.symbols)
                .render(in: box, buffer: &buffer)
        case .mutation(let dialog):
            MutationOverlayView.render(dialog, state.keys, state.paneContext, in: screen, buffer: &buffer)
        case .pubsub(let dialog):
            PubSubDialogView.render(dialog, state.pubsub, state.paneContext, in: screen, buffer: &buffer)
        case .replayRecords:
            ReplayRecordsView.renderOverlay(state, in: screen, buffer: &buffer)
        case .clientKill(let dialog):
            ClientKillDialogView.render(dialog, state.paneContext, in: screen, buffer: &buffer)
        case .command(var line):
            buffer.fill(bottomRow, with: Cell.blank.styled(state.theme.background))
            InputLine(prompt: ":", style: state.theme.text, promptStyle: state.theme.accent, cursorStyle: state.theme.selection.adding(.reverse))
                .render(in: bottomRow, buffer: &buffer, state: &line)
            if !line.candidates.isEmpty, bottomRow.y > 0 {
                let hint: DisplayText = "\(line.candidates.joined(separator: "  "))"
                buffer.setString(bottomRow.x + 1, bottomRow.y - 1, hint, style: state.theme.muted)
            }
        }
    }

    /// The `:` commands, listed in every help overlay.
    static let commandHelpSection = HelpSection(
        title: "Commands (:)",
        entries: AppCommand.catalogue.map { KeyHint(keys: ":" + $0.usage, description: $0.summary) }
    )
}
