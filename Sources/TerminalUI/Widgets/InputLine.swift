/// Draws an `InputLineState`: the prompt (`:`, `/`, `TTL: `), the text scrolled so the cursor
/// is always visible, and the cursor as a reversed cell. Each typed character is drawn through
/// the sanitiser, except a backslash, which is shown as typed (a glob's `\*` stays `\*`).
public struct InputLine: StatefulWidget, Sendable, Hashable {
    public var prompt: DisplayText
    public var style: Style
    public var promptStyle: Style
    public var cursorStyle: Style

    public init(prompt: DisplayText, style: Style = .plain, promptStyle: Style = Style(modifiers: .bold), cursorStyle: Style = Style(modifiers: .reverse)) {
        self.prompt = prompt
        self.style = style
        self.promptStyle = promptStyle
        self.cursorStyle = cursorStyle
    }

    /// The state is not changed; it is `inout` to match the other stateful widgets.
    public func render(in area: Rect, buffer: inout Buffer, state: inout InputLineState) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.setStyle(row, style)
        var x = buffer.setString(row.x, row.y, prompt, style: style.patched(with: promptStyle))
        let room = row.right - x - 1  // keep a column for the cursor at the end
        guard room >= 0 else { return }
        let chars = state.characters.map(Self.shown)
        // Scroll: drop characters from the left until the text up to the cursor fits.
        var first = 0
        var widthToCursor = chars[..<state.cursor].reduce(0) { $0 + $1.width }
        while widthToCursor > room, first < state.cursor {
            widthToCursor -= chars[first].width
            first += 1
        }
        for index in first..<chars.count {
            if x >= row.right { break }
            let cellStyle = index == state.cursor ? style.patched(with: cursorStyle) : style
            x = buffer.setString(x, row.y, chars[index], style: cellStyle, maxWidth: row.right - x)
        }
        if state.cursor == chars.count, x < row.right {
            buffer.setString(x, row.y, " ", style: style.patched(with: cursorStyle))
        }
    }

    /// One typed character as drawn.
    private static func shown(_ character: Character) -> DisplayText {
        character == "\\" ? "\\" : DisplayText(sanitizing: String(character))
    }
}
