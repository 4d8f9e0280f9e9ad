import Foundation
import Testing

@testable import TerminalUI

@Suite("Themes")
struct ThemeTests {
    @Test func bundledThemesLoadCompletely() throws {
        #expect(ThemeLoader.bundledThemeNames == ["default", "high-contrast", "light", "monochrome"])
        for name in ThemeLoader.bundledThemeNames {
            let loaded = try ThemeLoader.load(nameOrPath: name)
            #expect(loaded.fellBack.isEmpty, "\(name) fell back on \(loaded.fellBack)")
            #expect(loaded.warnings.isEmpty, "\(name): \(loaded.warnings)")
            #expect(loaded.theme.name == name)
        }
    }

    @Test func defaultFileMatchesBuiltInDefault() throws {
        #expect(try ThemeLoader.load(nameOrPath: "default").theme == Theme.default)
    }

    @Test func monochromeUsesNoColours() throws {
        let theme = try ThemeLoader.load(nameOrPath: "monochrome").theme
        for role in Theme.roleNames where role != "sparkline" {
            let style = try #require(theme.style(role: role))
            #expect(style.foreground == nil || style.foreground == .terminalDefault, "\(role)")
            #expect(style.background == nil || style.background == .terminalDefault, "\(role)")
        }
        #expect(theme.selection.modifiers.contains(.reverse))
        #expect(theme.sparkline == [.terminalDefault])
    }

    @Test func missingRolesFallBackAndAreReported() throws {
        let loaded = try ThemeLoader.parse(
            """
            name = "partial"
            text = "#ffffff"
            accent = { fg = "bright-blue", modifiers = ["bold", "underline"] }
            [types]
            zset = "idx:208"
            """, file: "partial.toml")
        #expect(loaded.theme.text == Style(foreground: .rgb(255, 255, 255)))
        #expect(loaded.theme.accent == Style(foreground: .brightBlue, modifiers: [.bold, .underline]))
        #expect(loaded.theme.types.zset == Style(foreground: .indexed(208)))
        #expect(loaded.theme.muted == Theme.default.muted)
        #expect(loaded.fellBack.contains("muted"))
        #expect(loaded.fellBack.contains("types.hash"))
        #expect(!loaded.fellBack.contains("text"))
        #expect(!loaded.fellBack.contains("types.zset"))
    }

    @Test func badValuesAreWarningsWithLines() throws {
        let loaded = try ThemeLoader.parse(
            """
            name = "typo"
            text = "#ff00zz"
            bogus = "red"
            selection = { fg = "red", modifiers = ["sparkly"] }
            """, file: "typo.toml")
        #expect(loaded.warnings.contains { $0.hasPrefix("typo.toml:2:") && $0.contains("#ff00zz") })
        #expect(loaded.warnings.contains { $0.hasPrefix("typo.toml:3:") && $0.contains("bogus") })
        #expect(loaded.warnings.contains { $0.hasPrefix("typo.toml:4:") && $0.contains("sparkly") })
        #expect(loaded.fellBack.contains("text") && loaded.fellBack.contains("selection"))
    }

    @Test func brokenFileNamesFileAndLine() {
        #expect {
            try ThemeLoader.parse("name = \"x\"\ntext = \"#fff\"\naccent = {fg = \n", file: "themes/broken.toml")
        } throws: { error in
            guard let e = error as? ThemeLoadError, case .syntax(let file, let line, _, _) = e else { return false }
            return file == "themes/broken.toml" && line == 3 && e.description.hasPrefix("themes/broken.toml:3:")
        }
    }

    @Test func loadsFromPathAndReportsUnknownName() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cachescope-theme-\(getpid()).toml")
        try "ok = \"green\"\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let loaded = try ThemeLoader.load(nameOrPath: url.path)
        #expect(loaded.theme.ok == Style(foreground: .green))
        #expect {
            try ThemeLoader.load(nameOrPath: "no-such-theme")
        } throws: { error in
            "\(error)".contains("no-such-theme") && "\(error)".contains("monochrome")
        }
    }

    @Test func colourParsing() {
        #expect(Color(parsing: "#1c1f26") == .rgb(0x1c, 0x1f, 0x26))
        #expect(Color(parsing: "ansi:9") == .brightRed)
        #expect(Color(parsing: "bright-blue") == .brightBlue)
        #expect(Color(parsing: "Red") == .red)
        #expect(Color(parsing: "idx:244") == .indexed(244))
        #expect(Color(parsing: "default") == .terminalDefault)
        #expect(Color(parsing: "ansi:16") == nil)
        #expect(Color(parsing: "#12345") == nil)
        #expect(Color(parsing: "chartreuse") == nil)
    }

    @Test func downsamplingFindsNearestColours() {
        #expect(Color.rgb(255, 0, 0).downsampled(to: .palette256) == .indexed(196))
        #expect(Color.rgb(0x1c, 0x1c, 0x1c).downsampled(to: .palette256) == .indexed(234))
        #expect(Color.rgb(0x80, 0x80, 0x80).downsampled(to: .palette256) == .indexed(244))
        #expect(Color.rgb(250, 10, 10).downsampled(to: .ansi16) == .brightRed)
        #expect(Color.rgb(200, 0, 0).downsampled(to: .ansi16) == .red)
        #expect(Color.rgb(10, 10, 10).downsampled(to: .ansi16) == .black)
        #expect(Color.indexed(196).downsampled(to: .ansi16) == .brightRed)
        #expect(Color.indexed(3).downsampled(to: .ansi16) == .yellow)
        #expect(Color.rgb(1, 2, 3).downsampled(to: .truecolor) == .rgb(1, 2, 3))
        #expect(Color.red.downsampled(to: .none) == .terminalDefault)
    }

    @Test func resolvedThemeFitsTheTerminal() {
        let t256 = Theme.default.resolved(for: .palette256)
        #expect(t256.text.foreground.map { if case .indexed = $0 { true } else { false } } == true)
        let t16 = Theme.default.resolved(for: .ansi16)
        for color in t16.sparkline {
            guard case .ansi(let n) = color else {
                Issue.record("not ansi: \(color)")
                continue
            }
            #expect(n < 16)
        }
        let none = Theme.default.resolved(for: .none)
        #expect(none.selection.foreground == .terminalDefault && none.selection.background == .terminalDefault)
        #expect(none.selection.modifiers.contains(.reverse))
        #expect(none.critical.modifiers.isSuperset(of: [.bold, .reverse]))
        #expect(none.types.zset.foreground == .terminalDefault)
    }
}
