/// What the `:` command line can ask for.
public enum AppCommand: Sendable, Equatable {
    /// Narrow the panes to node N (1-based as shown), or all nodes with `nil`.
    case node(Int?)
    case zset(key: String)
    case subscribe([String])
    case psubscribe([String])
    /// Sharded channels (`SSUBSCRIBE`).
    case ssubscribe([String])
    case unsubscribe([String])
    case publish(channel: String, message: String)
    case theme(String)
    case dump
    /// `:record start [FILE]` (nil: a timestamped file in the current directory) or `:record stop`.
    case record(start: Bool, path: String?)
    case context(String)
    case doctor
    /// `:goto HH:MM[:SS]`: move a replay's clock to that time of day.
    case goto(String)
    case help
    case quit

    /// Every command name with a one-line description: completion and help use it.
    public static let catalogue: [(name: String, usage: String, summary: String)] = [
        ("node", "node N|all", "narrow every pane to node N"),
        ("zset", "zset KEY", "watch a sorted set in Leaderboard"),
        ("sub", "sub CHANNEL…", "subscribe to channels"),
        ("psub", "psub PATTERN…", "subscribe to channel patterns"),
        ("ssub", "ssub CHANNEL…", "subscribe to sharded channels"),
        ("unsub", "unsub [CHANNEL…]", "unsubscribe (all when none named)"),
        ("pub", "pub CHANNEL MESSAGE", "publish a message"),
        ("theme", "theme NAME", "switch theme"),
        ("dump", "dump", "write the screen and figures to a file"),
        ("record", "record start|stop", "start [FILE]: record to a SQLite file"),
        ("ctx", "ctx NAME", "switch to a named connection"),
        ("doctor", "doctor", "look for caching anti-patterns"),
        ("goto", "goto HH:MM:SS", "replay: move the clock to that time (UTC)"),
        ("help", "help", "show the keys"),
        ("quit", "quit", "leave cachescope"),
    ]

    /// Command names starting with `prefix`, for completion.
    public static func completions(for prefix: String) -> [String] {
        catalogue.map(\.name).filter { $0.hasPrefix(prefix) }
    }

    /// Parses a command line typed after `:`.
    /// - Throws: `AppCommandError` with a message fit for the status bar.
    public static func parse(_ line: String) throws(AppCommandError) -> AppCommand {
        let words = CommandWords.split(line)
        guard let name = words.first else { throw AppCommandError("empty command") }
        let args = Array(words.dropFirst())
        func one(_ what: String) throws(AppCommandError) -> String {
            guard args.count == 1 else { throw AppCommandError("usage: :\(name) \(what)") }
            return args[0]
        }
        switch name {
        case "node":
            let a = try one("N|all")
            if a == "all" { return .node(nil) }
            guard let n = Int(a), n >= 1 else { throw AppCommandError("node: \"\(a)\" is not a node number") }
            return .node(n)
        case "zset": return .zset(key: try one("KEY"))
        case "sub", "subscribe":
            guard !args.isEmpty else { throw AppCommandError("usage: :sub CHANNEL…") }
            return .subscribe(args)
        case "psub", "psubscribe":
            guard !args.isEmpty else { throw AppCommandError("usage: :psub PATTERN…") }
            return .psubscribe(args)
        case "ssub", "ssubscribe":
            guard !args.isEmpty else { throw AppCommandError("usage: :ssub CHANNEL…") }
            return .ssubscribe(args)
        case "unsub", "unsubscribe": return .unsubscribe(args)
        case "pub", "publish":
            guard args.count >= 2 else { throw AppCommandError("usage: :pub CHANNEL MESSAGE") }
            return .publish(channel: args[0], message: args.dropFirst().joined(separator: " "))
        case "theme": return .theme(try one("NAME"))
        case "dump": return .dump
        case "record", "rec":
            switch (args.first, args.count) {
            case ("start", 1): return .record(start: true, path: nil)
            case ("start", 2): return .record(start: true, path: args[1])
            case ("stop", 1): return .record(start: false, path: nil)
            default: throw AppCommandError("usage: :record start [FILE]|stop")
            }
        case "ctx", "context": return .context(try one("NAME"))
        case "doctor": return .doctor
        case "goto": return .goto(try one("HH:MM:SS"))
        case "help", "h": return .help
        case "q", "quit": return .quit
        default:
            let suggestions = completions(for: String(name.prefix(1)))
            let hint = suggestions.isEmpty ? "" : " (try: \(suggestions.joined(separator: ", ")))"
            throw AppCommandError("unknown command \"\(name)\"\(hint)")
        }
    }
}

/// Why a typed command was refused.
public struct AppCommandError: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Splits a command line into words: spaces separate, double quotes group, `\` escapes the next
/// character (so a key holding spaces or quotes can be named).
enum CommandWords {
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inQuotes = false
        var escaping = false
        var started = false
        for ch in line {
            if escaping {
                current.append(ch)
                escaping = false
                started = true
                continue
            }
            switch ch {
            case "\\":
                escaping = true
                started = true
            case "\"":
                inQuotes.toggle()
                started = true
            case " " where !inQuotes, "\t" where !inQuotes:
                if started {
                    words.append(current)
                    current = ""
                    started = false
                }
            default:
                current.append(ch)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }
}
