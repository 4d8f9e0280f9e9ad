import Inspector
import TerminalUI
import Testing

@testable import AppCore

/// The `:` command line as the app runs it: the overlay, history, completion, paste, and what
/// each command does to the state or asks of the runtime.
@Suite struct CommandLineTests {
    static func state(contexts: [String] = []) -> AppState {
        var state = AppState(addresses: ["127.0.0.1:7001", "127.0.0.1:7002"])
        state.contextNames = contexts
        return state
    }

    /// The text on the command line, if it is open.
    static func line(_ state: AppState) -> String? {
        if case .command(let line) = state.overlay { return line.text }
        return nil
    }

    @Test(": opens the line, which takes every key; Esc closes it and runs nothing")
    func openAndCancel() {
        var state = Self.state()
        #expect(state.press(":") == [])
        #expect(Self.line(state) == "")
        #expect(state.type("q2") == [])
        #expect(state.pane == .overview)
        #expect(Self.line(state) == "q2")
        #expect(state.press(.escape) == [])
        #expect(state.overlay == nil)
    }

    @Test("Enter runs the line and keeps it in the history that ↑ recalls next time")
    func history() {
        var state = Self.state()
        #expect(state.command("theme light") == [.loadTheme("light")])
        #expect(state.overlay == nil)
        #expect(state.commandHistory == ["theme light"])
        state.press(":")
        state.press(.up)
        #expect(Self.line(state) == "theme light")
        #expect(state.press(.enter) == [.loadTheme("light")])
        #expect(state.commandHistory == ["theme light"], "a repeat is kept once")
    }

    @Test("Tab completes a command name; after a space it completes nothing")
    func completion() {
        var state = Self.state()
        state.press(":")
        state.type("do")
        state.press(.tab)
        #expect(Self.line(state) == "doctor ")
        state.type("x")
        state.press(.tab)
        #expect(Self.line(state) == "doctor x")
    }

    @Test("pasted text goes into the open line; with no line open it is dropped")
    func paste() {
        var state = Self.state()
        #expect(state.send(.terminal(.paste("sub news"))) == [])
        #expect(state.overlay == nil)
        state.press(":")
        state.send(.terminal(.paste("sub news")))
        #expect(Self.line(state) == "sub news")
        #expect(state.press(.enter) == [.subscribe(node: 0, kind: .channel, names: [Array("news".utf8)])])
    }

    @Test("a line that does not parse is shown as an error and runs nothing")
    func parseError() {
        var state = Self.state()
        #expect(state.command("frobnicate") == [])
        #expect(state.status?.text == #"unknown command "frobnicate""#)
        #expect(state.status?.kind == .error)
    }

    @Test(":node N narrows every pane to that node; :node all shows all again; a missing node is an error")
    func node() {
        var state = Self.state()
        #expect(state.command("node 2") == [])
        #expect(state.focusedNode == 1)
        #expect(state.currentNode == 1)
        #expect(state.status?.text == "showing node 2: 127.0.0.1:7002 (Esc on the overview, or :node all, shows all)")
        state.command("node all")
        #expect(state.focusedNode == nil)
        #expect(state.status?.text == "showing all 2 nodes")
        state.command("node 3")
        #expect(state.focusedNode == nil)
        #expect(state.status?.text == "node 3: there are 2 nodes")
    }

    @Test(":ctx switches to a named connection of the config file, and only to one")
    func context() {
        var none = Self.state()
        #expect(none.command("ctx prod") == [])
        #expect(none.status?.text == #"no connection named "prod" (the config file names none)"#)
        var some = Self.state(contexts: ["staging", "prod"])
        #expect(some.command("ctx dev") == [])
        #expect(some.status?.text == #"no connection named "dev" (known: staging, prod)"#)
        #expect(some.command("ctx prod") == [.switchContext("prod")])
    }

    @Test(
        ":dump, :quit, :help and :theme",
        arguments: [
            ("dump", [AppEffect.dumpScreen]), ("quit", [.quit]), ("q", [.quit]), ("theme high-contrast", [.loadTheme("high-contrast")]), ("help", []),
        ])
    func simpleCommands(line: String, effects: [AppEffect]) {
        var state = Self.state()
        #expect(state.command(line) == effects)
        if line == "help" { #expect(state.overlay == .help(scroll: 0)) }
    }

    @Test("a written dump and a failed one are both said")
    func dumpFinished() {
        var state = Self.state()
        state.send(.dumpFinished(.success(["/tmp/a.txt", "/tmp/a.json"])))
        #expect(state.status?.text == "dumped to /tmp/a.txt, /tmp/a.json")
        #expect(state.status?.kind == .success)
        state.send(.dumpFinished(.failure(DumpError("disk full"))))
        #expect(state.status?.text == "dump failed: disk full")
        #expect(state.status?.kind == .error)
    }

    @Test("a loaded theme names the roles that fell back; a failed load is an error")
    func themeLoaded() {
        var state = Self.state()
        state.send(.themeLoaded(name: "mine", result: .success(LoadedTheme(theme: .default, fellBack: ["accent"], warnings: []))))
        #expect(state.themeName == "mine")
        #expect(state.status?.text == "theme mine (default used for: accent)")
        state.send(.themeLoaded(name: "gone", result: .failure(ThemeLoadError.notFound(name: "gone", bundled: ["default"]))))
        #expect(state.themeName == "mine")
        #expect(state.status?.kind == .error)
    }

    @Test(":record start asks the runtime to record (into FILE, or a dated file); :record stop only while recording; REC in the title bar")
    func record() {
        var state = Self.state()
        #expect(state.command("record start /tmp/incident.db") == [.startRecording(path: "/tmp/incident.db")])
        #expect(state.command("record start") == [.startRecording(path: nil)])
        #expect(!AppView.render(state).text.split(separator: "\n")[0].contains("REC"), "the runtime says when recording started")
        #expect(state.command("record stop") == [])
        #expect(state.status?.text == "not recording")
        #expect(state.status?.kind == .warning)

        state.recordingPath = "/tmp/incident.db"
        #expect(AppView.render(state).text.split(separator: "\n")[0].contains(" REC "))
        #expect(state.command("record stop") == [.stopRecording])
        state.recordingPath = nil
        #expect(!AppView.render(state).text.split(separator: "\n")[0].contains("REC"))
    }
}
