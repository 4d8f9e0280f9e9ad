import Foundation
import NcursesBackend
import TerminalUI

/// `cachescope --ui-smoke-test`: a small themed frame that exercises the terminal end to end
/// (the end-to-end tests drive it in tmux). It shows "cachescope smoke", the terminal size as
/// "size WxH", the last key as "key: X" (a paste as "paste: TEXT"), and quits on `q`.
///
/// - Returns: the process exit status (0 after `q`, 1 when the terminal cannot be used).
func runUISmokeTest() async -> Int32 {
    do {
        return try await NcursesTerminal.withTerminal { terminal in
            var size = terminal.size
            var lastKey = "none"
            var frames = 0
            func frame() -> Buffer {
                frames += 1
                return UISmokeFrame(
                    size: size, lastKey: lastKey, frames: frames,
                    colorSupport: terminal.colorSupport, unicode: terminal.unicode
                ).render()
            }
            terminal.draw(frame())
            for await event in terminal.events {
                switch event {
                case .key(.character("q")):
                    return 0
                case .key(let key):
                    lastKey = key.description
                case .paste(let text):
                    lastKey = "paste: " + text
                case .resize(let width, let height):
                    size = TerminalSize(width: width, height: height)
                }
                terminal.draw(frame())
            }
            return 0
        }
    } catch {
        FileHandle.standardError.write(Data("cachescope: \(error)\n".utf8))
        return 1
    }
}

/// The smoke test's one screen: a bordered, coloured panel with the facts the tests read.
struct UISmokeFrame {
    var size: TerminalSize
    var lastKey: String
    var frames: Int
    var colorSupport: ColorSupport
    var unicode: Bool

    func render() -> Buffer {
        var buffer = Buffer(width: size.width, height: size.height)
        let area = Rect(x: 0, y: 0, width: size.width, height: size.height)
        buffer.fill(area, with: Cell(symbol: " ", foreground: .indexed(252), background: .indexed(235)))
        let border = Style(foreground: .rgb(0x5F, 0xAF, 0xFF), background: .indexed(235))
        let glyphs = Symbols.forTerminal(unicode: unicode).border
        if area.width >= 2, area.height >= 2 {
            for x in 1..<(area.width - 1) {
                buffer.setString(x, 0, glyphs.horizontal, style: border)
                buffer.setString(x, area.height - 1, glyphs.horizontal, style: border)
            }
            for y in 1..<(area.height - 1) {
                buffer.setString(0, y, glyphs.vertical, style: border)
                buffer.setString(area.width - 1, y, glyphs.vertical, style: border)
            }
            buffer.setString(0, 0, glyphs.topLeft, style: border)
            buffer.setString(area.width - 1, 0, glyphs.topRight, style: border)
            buffer.setString(0, area.height - 1, glyphs.bottomLeft, style: border)
            buffer.setString(area.width - 1, area.height - 1, glyphs.bottomRight, style: border)
        }
        let title = Style(foreground: .brightYellow, modifiers: [.bold])
        let text = Style(foreground: .indexed(252))
        let muted = Style(foreground: .gray, modifiers: [.dim])
        buffer.setString(2, 0, " cachescope smoke ", style: title)
        buffer.setString(2, 2, "size \(size.width)x\(size.height)", style: text)
        buffer.setString(2, 3, "key: \(lastKey)", style: text.adding(.underline))
        buffer.setString(2, 4, "colors: \(String(describing: colorSupport)) unicode: \(unicode ? "yes" : "no")", style: muted)
        buffer.setString(2, 5, unicode ? "wide: 日本語 café e\u{301}" : "wide: (ascii)", style: Style(foreground: .green))
        buffer.setString(2, 6, "frames: \(frames)", style: muted)
        // A gradient row: many colour pairs in one frame.
        for x in 2..<max(2, min(area.width - 2, 66)) {
            let level = UInt8(min(255, (x - 2) * 4))
            buffer.setString(x, 7, " ", style: Style(background: .rgb(level, 255 - level, 128)))
        }
        buffer.setString(2, area.height - 2, "q quits", style: muted)
        return buffer
    }
}
