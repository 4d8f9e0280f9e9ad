import Foundation
import Testing

@testable import AppCore

/// What the `:` command line accepts: every command and its aliases, quoting, the errors the
/// status bar shows, and completion.
@Suite struct AppCommandTests {
    static func error(_ line: String) -> String? {
        do {
            _ = try AppCommand.parse(line)
            return nil
        } catch {
            return error.description
        }
    }

    @Test(
        "every command parses",
        arguments: [
            ("node 2", AppCommand.node(2)),
            ("node all", .node(nil)),
            ("zset leaderboard:daily", .zset(key: "leaderboard:daily")),
            ("sub news", .subscribe(["news"])),
            ("sub news orders", .subscribe(["news", "orders"])),
            ("psub cache.* user.*", .psubscribe(["cache.*", "user.*"])),
            ("ssub orders", .ssubscribe(["orders"])),
            ("unsub", .unsubscribe([])),
            ("unsub news", .unsubscribe(["news"])),
            ("pub news hello", .publish(channel: "news", message: "hello")),
            ("theme light", .theme("light")),
            ("dump", .dump),
            ("record start", .record(start: true, path: nil)),
            ("record start /tmp/incident.db", .record(start: true, path: "/tmp/incident.db")),
            ("record stop", .record(start: false, path: nil)),
            ("ctx prod", .context("prod")),
            ("doctor", .doctor),
            ("help", .help),
            ("quit", .quit),
        ])
    func parses(line: String, command: AppCommand) throws {
        #expect(try AppCommand.parse(line) == command)
    }

    @Test(
        "redis-cli's long names and the short ones are aliases",
        arguments: [
            ("subscribe a", AppCommand.subscribe(["a"])), ("psubscribe a*", .psubscribe(["a*"])), ("ssubscribe a", .ssubscribe(["a"])),
            ("unsubscribe a", .unsubscribe(["a"])), ("publish a b", .publish(channel: "a", message: "b")), ("context prod", .context("prod")),
            ("rec start", .record(start: true, path: nil)), ("rec stop", .record(start: false, path: nil)), ("h", .help), ("q", .quit),
        ])
    func aliases(line: String, command: AppCommand) throws {
        #expect(try AppCommand.parse(line) == command)
    }

    @Test("spaces separate words; quotes and backslashes keep them together")
    func quoting() throws {
        #expect(try AppCommand.parse(#"zset "my key""#) == .zset(key: "my key"))
        #expect(try AppCommand.parse(#"zset my\ key"#) == .zset(key: "my key"))
        #expect(try AppCommand.parse(#"zset say\"hi\""#) == .zset(key: #"say"hi""#))
        #expect(try AppCommand.parse(#"zset """#) == .zset(key: ""))
        #expect(try AppCommand.parse("  sub \t a   b  ") == .subscribe(["a", "b"]))
    }

    @Test(":pub joins the rest of the line into the message with single spaces")
    func publishMessage() throws {
        #expect(try AppCommand.parse("pub news hello   big world") == .publish(channel: "news", message: "hello big world"))
        #expect(try AppCommand.parse(#"pub news "two  spaces""#) == .publish(channel: "news", message: "two  spaces"))
    }

    @Test(
        "wrong arguments say how the command is used",
        arguments: [
            ("", "empty command"),
            ("   ", "empty command"),
            ("node", "usage: :node N|all"),
            ("node 1 2", "usage: :node N|all"),
            ("node 0", #"node: "0" is not a node number"#),
            ("node x", #"node: "x" is not a node number"#),
            ("node -1", #"node: "-1" is not a node number"#),
            ("zset", "usage: :zset KEY"),
            ("zset a b", "usage: :zset KEY"),
            ("sub", "usage: :sub CHANNEL…"),
            ("psub", "usage: :psub PATTERN…"),
            ("ssub", "usage: :ssub CHANNEL…"),
            ("pub news", "usage: :pub CHANNEL MESSAGE"),
            ("theme", "usage: :theme NAME"),
            ("ctx", "usage: :ctx NAME"),
            ("context a b", "usage: :context NAME"),
            ("record", "usage: :record start [FILE]|stop"),
            ("record pause", "usage: :record start [FILE]|stop"),
            ("record start a b", "usage: :record start [FILE]|stop"),
            ("record stop now", "usage: :record start [FILE]|stop"),
        ])
    func usageErrors(line: String, message: String) {
        #expect(Self.error(line) == message)
    }

    @Test("an unknown command suggests the commands with its first letter, if any")
    func unknownCommand() {
        #expect(Self.error("sbu news") == #"unknown command "sbu" (try: sub, ssub)"#)
        #expect(Self.error("dmp") == #"unknown command "dmp" (try: dump, doctor)"#)
        #expect(Self.error("xyz") == #"unknown command "xyz""#)
        #expect(Self.error("NODE 1") == #"unknown command "NODE""#)
    }

    @Test("completion offers the command names with the typed prefix, in catalogue order")
    func completions() {
        #expect(AppCommand.completions(for: "") == AppCommand.catalogue.map(\.name))
        #expect(AppCommand.completions(for: "s") == ["sub", "ssub"])
        #expect(AppCommand.completions(for: "d") == ["dump", "doctor"])
        #expect(AppCommand.completions(for: "ps") == ["psub"])
        #expect(AppCommand.completions(for: "zz").isEmpty)
    }

    @Test("every catalogue entry parses when written as its usage line shows")
    func catalogueParses() {
        for entry in AppCommand.catalogue {
            let line = entry.usage
                .replacingOccurrences(of: "N|all", with: "1")
                .replacingOccurrences(of: "start|stop", with: "stop")
                .replacingOccurrences(of: "[CHANNEL…]", with: "")
                .replacingOccurrences(of: "…", with: "")
            #expect(Self.error(line) == nil, "\(entry.usage)")
        }
    }
}
