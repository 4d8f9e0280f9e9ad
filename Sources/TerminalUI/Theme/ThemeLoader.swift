import Foundation
import TOMLKit

/// Loads themes from the bundled `themes/*.toml` or from a file, laid over `Theme.default`.
///
/// A theme file sets roles at the top level and Redis type colours under `[types]`:
///
///     name = "light"
///     text = "#24292f"                          # a string is the foreground colour
///     background = "#ffffff"                    # …except for `background`
///     selection = { fg = "#000000", bg = "#bcd7ff", modifiers = ["bold"] }
///     sparkline = ["#0969da", "#1a7f37", "#9a6700", "#cf222e"]
///     [types]
///     string = "green"
///
/// Colours: `"#rrggbb"`, `"ansi:N"`, names (`"red"`, `"bright-blue"`), `"idx:N"`, `"default"`.
/// Modifiers: bold, dim, italic, underline, reverse, blink.
public enum ThemeLoader {
    /// The names of the themes shipped inside the binary, sorted.
    public static var bundledThemeNames: [String] {
        guard let directory = bundledDirectory,
            let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
    }

    private static var bundledDirectory: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("BundledThemes", isDirectory: true)
    }

    /// Loads a bundled theme by name (`"light"`) or a theme file by path (anything with a `/`
    /// or ending in `.toml`; a name that matches no bundled theme is also tried as a path).
    /// - Throws: `ThemeLoadError` naming the file, and the line for syntax errors.
    public static func load(nameOrPath: String) throws(ThemeLoadError) -> LoadedTheme {
        let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml")
        if !looksLikePath, let directory = bundledDirectory {
            let url = directory.appendingPathComponent("\(nameOrPath).toml")
            if FileManager.default.fileExists(atPath: url.path) {
                return try load(file: url.path, displayName: "themes/\(nameOrPath).toml")
            }
        }
        guard FileManager.default.fileExists(atPath: nameOrPath) else {
            throw .notFound(name: nameOrPath, bundled: bundledThemeNames)
        }
        return try load(file: nameOrPath, displayName: nameOrPath)
    }

    private static func load(file path: String, displayName: String) throws(ThemeLoadError) -> LoadedTheme {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(file: displayName, reason: error.localizedDescription)
        }
        return try parse(text, file: displayName)
    }

    /// Parses theme file text.
    /// - Parameters:
    ///   - text: the TOML document.
    ///   - file: the name used in errors and warnings.
    /// - Throws: `ThemeLoadError.syntax` with the line and column of the first TOML error.
    public static func parse(_ text: String, file: String) throws(ThemeLoadError) -> LoadedTheme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .syntax(file: file, line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        } catch {
            throw .syntax(file: file, line: 1, column: 1, message: "\(error)")
        }
        var reader = Reader(file: file, lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        return reader.read(table)
    }

    /// Walks the parsed table, collecting the theme, the roles set, and warnings.
    private struct Reader {
        let file: String
        let lines: [String]
        var warnings: [String] = []
        var set: Set<String> = []

        init(file: String, lines: [String]) {
            self.file = file
            self.lines = lines
        }

        mutating func read(_ table: TOMLTable) -> LoadedTheme {
            var theme = Theme.default
            theme.name = table["name"]?.string ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            for key in table.keys.sorted() {
                guard let value = table[key] else { continue }
                switch key {
                case "name":
                    continue
                case "types":
                    guard let types = value.table else {
                        warn("types", section: nil, "\"types\" must be a table ([types])")
                        continue
                    }
                    for typeName in types.keys.sorted() {
                        guard let typeValue = types[typeName] else { continue }
                        let role = "types.\(typeName)"
                        guard RedisTypeStyles.typeNames.contains(typeName) else {
                            warn(typeName, section: "types", "unknown Redis type \"\(typeName)\" (known: \(RedisTypeStyles.typeNames.joined(separator: ", ")))")
                            continue
                        }
                        if let style = style(typeValue, role: role, key: typeName, section: "types") {
                            theme.setStyle(style, role: role)
                            set.insert(role)
                        }
                    }
                case "sparkline":
                    guard let array = value.array else {
                        warn(key, section: nil, "\"sparkline\" must be a list of colours")
                        continue
                    }
                    var colors: [Color] = []
                    var ok = true
                    for element in array {
                        guard let s = element.string, let color = Color(parsing: s) else {
                            warn(key, section: nil, "sparkline: \(element.debugDescription) is not a colour")
                            ok = false
                            break
                        }
                        colors.append(color)
                    }
                    if ok, !colors.isEmpty {
                        theme.sparkline = colors
                        set.insert("sparkline")
                    }
                default:
                    guard theme.style(role: key) != nil, !key.hasPrefix("types.") else {
                        warn(key, section: nil, "unknown role \"\(key)\"")
                        continue
                    }
                    if let style = style(value, role: key, key: key, section: nil) {
                        theme.setStyle(style, role: key)
                        set.insert(key)
                    }
                }
            }
            let fellBack = Theme.roleNames.filter { !set.contains($0) }
            return LoadedTheme(theme: theme, fellBack: fellBack, warnings: warnings)
        }

        /// A role's style from a colour string or a `{ fg, bg, modifiers }` table.
        mutating func style(_ value: any TOMLValueConvertible, role: String, key: String, section: String?) -> Style? {
            if let s = value.string {
                guard let color = Color(parsing: s) else {
                    warn(key, section: section, "\(role): \"\(s)\" is not a colour")
                    return nil
                }
                return role == "background" ? Style(background: color) : Style(foreground: color)
            }
            guard let table = value.table else {
                warn(key, section: section, "\(role): expected a colour string or { fg, bg, modifiers }")
                return nil
            }
            var style = Style()
            for field in table.keys.sorted() {
                guard let fieldValue = table[field] else { continue }
                switch field {
                case "fg", "bg":
                    guard let s = fieldValue.string, let color = Color(parsing: s) else {
                        warn(key, section: section, "\(role).\(field): \(fieldValue.debugDescription) is not a colour")
                        return nil
                    }
                    if field == "fg" { style.foreground = color } else { style.background = color }
                case "modifiers":
                    guard let array = fieldValue.array else {
                        warn(key, section: section, "\(role).modifiers: expected a list such as [\"bold\"]")
                        return nil
                    }
                    for element in array {
                        guard let name = element.string, let modifier = Self.modifier(named: name) else {
                            warn(key, section: section, "\(role).modifiers: unknown modifier \(element.debugDescription) (bold, dim, italic, underline, reverse, blink)")
                            return nil
                        }
                        style.modifiers.formUnion(modifier)
                    }
                default:
                    warn(key, section: section, "\(role): unknown field \"\(field)\" (fg, bg, modifiers)")
                }
            }
            return style
        }

        static func modifier(named name: String) -> Modifiers? {
            switch name.lowercased() {
            case "bold": return .bold
            case "dim": return .dim
            case "italic": return .italic
            case "underline": return .underline
            case "reverse": return .reverse
            case "blink": return .blink
            default: return nil
            }
        }

        mutating func warn(_ key: String, section: String?, _ message: String) {
            if let line = line(of: key, section: section) {
                warnings.append("\(file):\(line): \(message)")
            } else {
                warnings.append("\(file): \(message)")
            }
        }

        /// The 1-based line where `key = …` is written (TOMLKit gives positions only for
        /// syntax errors, so values are found in the text).
        func line(of key: String, section: String?) -> Int? {
            var current: String?
            for (i, raw) in lines.enumerated() {
                let line = raw.drop { $0 == " " || $0 == "\t" }
                if line.hasPrefix("[") {
                    current = String(line.dropFirst().prefix { $0 != "]" }).trimmingCharacters(in: .whitespaces)
                    continue
                }
                guard current == section, line.hasPrefix(key) else { continue }
                let rest = line.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }
                if rest.hasPrefix("=") { return i + 1 }
            }
            return nil
        }
    }
}
