import TerminalUI

/// Turns what `get_wch` returns into terminal events: keys, control chords and bracketed
/// pastes. Pure and synchronous, so it holds no terminal and can be reasoned about alone.
///
/// ncurses decodes the escape sequences terminfo knows (arrows, F-keys, …). The rest arrive
/// as an ESC followed by plain characters: the bracketed-paste markers `ESC[200~` / `ESC[201~`
/// are recognised here, other CSI sequences (focus reports and the like) are swallowed, and an
/// ESC followed by nothing is the Escape key (ncurses already waited ESCDELAY for more).
struct KeyDecoder {
    private enum State {
        case ground
        /// Saw ESC.
        case escape
        /// Saw ESC `[` and these parameter / intermediate characters.
        case csi(String)
        /// Inside a bracketed paste, with the text so far and a possible end marker in progress.
        case paste(text: String, marker: String)
    }

    private static let pasteStart = "200~"
    private static let pasteEndMarker = "\u{1b}[201~"

    private var state: State = .ground
    private let keyCodes: (Int32) -> Key?

    init(keyCodes: @escaping (Int32) -> Key?) {
        self.keyCodes = keyCodes
    }

    /// Whether a paste is in progress (its text arrives over several reads).
    var isInPaste: Bool {
        if case .paste = state { return true }
        return false
    }

    /// Decodes one input; returns the events it completes (often one, sometimes none).
    mutating func feed(_ input: RawInput) -> [TerminalEvent] {
        switch state {
        case .ground:
            return ground(input)

        case .escape:
            if case .character(0x5B) = input {  // "["
                state = .csi("")
                return []
            }
            state = .ground
            if case .character(27) = input {
                state = .escape
                return [.key(.escape)]
            }
            return [.key(.escape)] + ground(input)

        case .csi(let parameters):
            guard case .character(let c) = input else {
                state = .ground
                return ground(input)
            }
            switch c {
            case 0x20...0x3F:
                state = .csi(parameters + String(UnicodeScalar(UInt8(c))))
                return []
            case 0x40...0x7E:
                let sequence = parameters + String(UnicodeScalar(UInt8(c)))
                state = sequence == KeyDecoder.pasteStart ? .paste(text: "", marker: "") : .ground
                return []  // an unknown CSI sequence is swallowed rather than typed
            default:
                state = .ground
                return ground(input)
            }

        case .paste(var text, var marker):
            let scalar: Character?
            switch input {
            case .character(let c):
                scalar = UnicodeScalar(c).map(Character.init)
            case .keyCode(let code):
                scalar = keyCodes(code) == .enter ? "\n" : nil
            }
            guard let character = scalar else { return [] }
            let candidate = marker + String(character)
            if KeyDecoder.pasteEndMarker.hasPrefix(candidate) {
                if candidate == KeyDecoder.pasteEndMarker {
                    state = .ground
                    return [.paste(text)]
                }
                state = .paste(text: text, marker: candidate)
                return []
            }
            // Not the end marker after all: what was held back is pasted text.
            text += marker
            marker = ""
            if character == "\u{1b}" {
                marker = "\u{1b}"
            } else {
                // Terminals send a pasted newline as CR.
                text.append(character == "\r" ? "\n" : character)
            }
            state = .paste(text: text, marker: marker)
            return []
        }
    }

    /// Called when no more input is waiting: a lone ESC is the Escape key, and a half-read CSI
    /// sequence was really keys typed one after another. A paste stays open across reads.
    mutating func flush() -> [TerminalEvent] {
        switch state {
        case .ground, .paste:
            return []
        case .escape:
            state = .ground
            return [.key(.escape)]
        case .csi(let parameters):
            state = .ground
            return [.key(.escape), .key(.character("["))] + parameters.map { .key(.character($0)) }
        }
    }

    private mutating func ground(_ input: RawInput) -> [TerminalEvent] {
        switch input {
        case .keyCode(let code):
            return keyCodes(code).map { [.key($0)] } ?? []
        case .character(let c):
            switch c {
            case 27:
                state = .escape
                return []
            case 13, 10:
                return [.key(.enter)]
            case 9:
                return [.key(.tab)]
            case 127, 8:
                return [.key(.backspace)]
            case 0:
                return [.key(.control(" "))]
            case 1...26:
                return [.key(.control(Character(UnicodeScalar(UInt8(c + 96)))))]
            case 28...31:
                return [.key(.control(Character(UnicodeScalar(UInt8(c + 64)))))]
            case 0x80..<0xA0:
                return []  // C1 controls are never keys
            default:
                guard let scalar = UnicodeScalar(c) else { return [] }
                return [.key(.character(Character(scalar)))]
            }
        }
    }
}
