/// Wraps styled lines to a width in terminal columns: breaks after spaces when it can, inside a
/// word when it must (so CJK text, which has no spaces, breaks between any two characters).
public enum TextWrap {
    private struct Glyph {
        var character: Character
        var style: Style
        var width: Int
        var isSpace: Bool { character == " " }
    }

    /// `line` as one or more lines no wider than `width`. A break at a space drops that space.
    public static func wrap(_ line: Line, width: Int) -> [Line] {
        guard width > 0 else { return [line] }
        if line.width <= width { return [line] }
        var glyphs: [Glyph] = []
        for span in line.spans {
            for character in span.text.description {
                let w = DisplayWidth.of(character)
                if w == 0 { continue }
                glyphs.append(Glyph(character: character, style: span.style, width: w))
            }
        }
        var rows: [[Glyph]] = []
        var current: [Glyph] = []
        var currentWidth = 0
        var lastBreak: Int?  // index in `current` just after the last space
        for glyph in glyphs {
            if currentWidth + glyph.width > width, !current.isEmpty {
                if glyph.isSpace {
                    rows.append(trimTrailingSpaces(current))
                    current = []
                    currentWidth = 0
                    lastBreak = nil
                    continue
                }
                if let b = lastBreak, b > 0, b < current.count {
                    rows.append(trimTrailingSpaces(Array(current[..<b])))
                    current = Array(current[b...])
                } else {
                    rows.append(trimTrailingSpaces(current))
                    current = []
                }
                currentWidth = current.reduce(0) { $0 + $1.width }
                lastBreak = nil
            }
            current.append(glyph)
            currentWidth += glyph.width
            if glyph.isSpace { lastBreak = current.count }
        }
        if !current.isEmpty || rows.isEmpty { rows.append(current) }
        return rows.map { Line(spans(of: $0), style: line.style, alignment: line.alignment) }
    }

    private static func trimTrailingSpaces(_ glyphs: [Glyph]) -> [Glyph] {
        var g = glyphs[...]
        while g.count > 1, g.last?.isSpace == true { g = g.dropLast() }
        return Array(g)
    }

    /// Glyphs back into spans, one per run of a style. The glyphs are characters of display
    /// text, so the spans are display text too.
    private static func spans(of glyphs: [Glyph]) -> [Span] {
        var runs: [(text: String, style: Style)] = []
        for glyph in glyphs {
            if let last = runs.last, last.style == glyph.style {
                runs[runs.count - 1].text.append(glyph.character)
            } else {
                runs.append((String(glyph.character), glyph.style))
            }
        }
        return runs.map { Span(DisplayText(trusted: $0.text), style: $0.style) }
    }
}
