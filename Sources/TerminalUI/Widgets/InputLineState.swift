/// The text, cursor and history of a one-line editor (the `:` command line, the `/` filter,
/// the TTL prompt), with readline's keys:
///
/// | key | does |
/// |---|---|
/// | characters, paste | insert at the cursor (control characters are dropped) |
/// | `←` `→` `Home` `End` `Ctrl-A` `Ctrl-E` | move |
/// | `Backspace` `Del` | delete before / at the cursor |
/// | `Ctrl-U` / `Ctrl-K` | delete to the start / the end |
/// | `Ctrl-W` | delete the word before the cursor |
/// | `↑` `↓` | walk the history (what was being typed comes back at the bottom) |
/// | `Tab` | complete with the candidates the caller's completion gives |
/// | `Enter` / `Esc` `Ctrl-C` | submit / cancel |
public struct InputLineState: Sendable, Hashable {
    public private(set) var characters: [Character]
    /// The cursor position, 0…`characters.count` (in characters, not columns).
    public private(set) var cursor: Int
    /// Submitted lines, oldest first.
    public private(set) var history: [String]
    /// Completions offered by the last ambiguous `Tab` (for the pane to show); empty otherwise.
    public private(set) var candidates: [String]
    private var historyIndex: Int?
    private var draft: String
    /// The most history entries kept.
    public var historyLimit: Int

    public init(text: String = "", history: [String] = [], historyLimit: Int = 100) {
        self.characters = Array(text)
        self.cursor = characters.count
        self.history = history
        self.candidates = []
        self.historyIndex = nil
        self.draft = ""
        self.historyLimit = historyLimit
    }

    /// The current text; setting it puts the cursor at the end.
    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
        }
    }

    /// The text before the cursor (what completion looks at).
    public var textBeforeCursor: String { String(characters[..<cursor]) }

    /// Handles one key.
    /// - Parameters:
    ///   - key: the key pressed.
    ///   - completion: given the text before the cursor, the candidates for the word being
    ///     typed (whole words); called on `Tab`.
    public mutating func handle(_ key: Key, completion: ((String) -> [String])? = nil) -> InputLineEvent {
        switch key {
        case .character(let c):
            insert(String(c))
            return .edited
        case .enter: return .submitted(submit())
        case .escape, .control("c"): return .cancelled
        case .backspace, .control("h"): return backspace() ? .edited : .moved
        case .delete, .control("d"): return deleteForward() ? .edited : .moved
        case .left, .control("b"):
            cursor = max(0, cursor - 1)
            return .moved
        case .right, .control("f"):
            cursor = min(characters.count, cursor + 1)
            return .moved
        case .home, .control("a"):
            cursor = 0
            return .moved
        case .end, .control("e"):
            cursor = characters.count
            return .moved
        case .control("u"): return deleteToStart() ? .edited : .moved
        case .control("k"): return deleteToEnd() ? .edited : .moved
        case .control("w"): return deleteWordBackward() ? .edited : .moved
        case .up, .control("p"): return historyPrevious() ? .edited : .moved
        case .down, .control("n"): return historyNext() ? .edited : .moved
        case .tab:
            guard let completion else { return .ignored }
            return complete(with: completion(textBeforeCursor)) ? .edited : .moved
        default: return .ignored
        }
    }

    /// Inserts text at the cursor, dropping control characters (pasted newlines, escapes).
    public mutating func insert(_ string: String) {
        let clean = string.filter { c in !c.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } }
        characters.insert(contentsOf: clean, at: cursor)
        cursor += clean.count
        candidates = []
    }

    /// Deletes the character before the cursor; false when there is none.
    @discardableResult
    public mutating func backspace() -> Bool {
        guard cursor > 0 else { return false }
        characters.remove(at: cursor - 1)
        cursor -= 1
        return true
    }

    /// Deletes the character at the cursor; false at the end.
    @discardableResult
    public mutating func deleteForward() -> Bool {
        guard cursor < characters.count else { return false }
        characters.remove(at: cursor)
        return true
    }

    /// Deletes everything before the cursor (`Ctrl-U`); false when there is nothing.
    @discardableResult
    public mutating func deleteToStart() -> Bool {
        guard cursor > 0 else { return false }
        characters.removeSubrange(0..<cursor)
        cursor = 0
        return true
    }

    /// Deletes from the cursor to the end (`Ctrl-K`); false when there is nothing.
    @discardableResult
    public mutating func deleteToEnd() -> Bool {
        guard cursor < characters.count else { return false }
        characters.removeSubrange(cursor...)
        return true
    }

    /// Deletes back to the start of the word before the cursor (spaces before it go too).
    @discardableResult
    public mutating func deleteWordBackward() -> Bool {
        guard cursor > 0 else { return false }
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
        return true
    }

    /// Moves the cursor to `position` (clamped).
    public mutating func moveCursor(to position: Int) {
        cursor = min(max(0, position), characters.count)
    }

    /// Shows the previous history entry; the text being typed is kept for `historyNext`.
    @discardableResult
    public mutating func historyPrevious() -> Bool {
        guard !history.isEmpty else { return false }
        let next: Int
        if let i = historyIndex {
            next = max(0, i - 1)
        } else {
            draft = text
            next = history.count - 1
        }
        guard next != historyIndex else { return false }
        historyIndex = next
        text = history[next]
        return true
    }

    /// Shows the next history entry, or what was being typed after the newest one.
    @discardableResult
    public mutating func historyNext() -> Bool {
        guard let i = historyIndex else { return false }
        if i + 1 < history.count {
            historyIndex = i + 1
            text = history[i + 1]
        } else {
            historyIndex = nil
            text = draft
        }
        return true
    }

    /// Completes the word before the cursor: one candidate replaces it (plus a space), several
    /// extend it to their longest common prefix and are kept in `candidates` to show.
    /// - Returns: whether the text changed.
    @discardableResult
    public mutating func complete(with options: [String]) -> Bool {
        var wordStart = cursor
        while wordStart > 0, characters[wordStart - 1] != " " { wordStart -= 1 }
        let word = String(characters[wordStart..<cursor])
        let matching = options.filter { $0.hasPrefix(word) }
        guard !matching.isEmpty else {
            candidates = []
            return false
        }
        let replacement: String
        if matching.count == 1 {
            replacement = matching[0] + (cursor == characters.count ? " " : "")
            candidates = []
        } else {
            replacement = Self.commonPrefix(matching)
            candidates = matching
        }
        guard replacement != word else { return false }
        characters.replaceSubrange(wordStart..<cursor, with: Array(replacement))
        cursor = wordStart + replacement.count
        return true
    }

    /// Returns the text, records it in the history (unless empty or a repeat) and clears the line.
    public mutating func submit() -> String {
        let submitted = text
        if !submitted.isEmpty, history.last != submitted {
            history.append(submitted)
            if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
        }
        clear()
        return submitted
    }

    /// Empties the line (the history stays).
    public mutating func clear() {
        characters = []
        cursor = 0
        historyIndex = nil
        draft = ""
        candidates = []
    }

    private static func commonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first.map(Array.init) else { return "" }
        for s in strings.dropFirst() {
            let chars = Array(s)
            var n = 0
            while n < prefix.count, n < chars.count, prefix[n] == chars[n] { n += 1 }
            prefix = Array(prefix[..<n])
        }
        return String(prefix)
    }
}
