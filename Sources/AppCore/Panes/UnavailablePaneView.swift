import TerminalUI

/// What a pane shows while it has nothing to show yet.
enum UnavailablePaneView {
    static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        let block = Block(title: state.pane.title, theme: state.theme, symbols: state.symbols)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        buffer.setString(inner.x + 1, inner.y, "This pane is not available in this build.", style: state.theme.muted)
    }
}
