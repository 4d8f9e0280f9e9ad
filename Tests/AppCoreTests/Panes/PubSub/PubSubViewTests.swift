import Foundation
import Inspector
import TerminalUI
import Testing

@testable import AppCore

@Suite struct PubSubViewTests {
    static func subscribed() -> AppState {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 1)
        let effects = state.command("sub news orders")
        #expect(effects == [.subscribe(node: 0, kind: .channel, names: [Array("news".utf8), Array("orders".utf8)])])
        #expect(state.pane == .pubsub)
        _ = AppUpdate.update(
            &state,
            .pubsubReceived(
                node: 0,
                batch: PubSubFactory.batch(
                    [],
                    events: [
                        .status(.connected(since: 1)), .subscribed(.channel, name: Array("news".utf8), count: 1),
                    ]), now: 1))
        return state
    }

    @Test func subscribeCommandsRouteByKind() {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 1)
        #expect(state.command("psub news.*") == [.subscribe(node: 0, kind: .pattern, names: [Array("news.*".utf8)])])
        #expect(state.command("ssub orders") == [.subscribe(node: 0, kind: .shardChannel, names: [Array("orders".utf8)])])
        #expect(state.command("psub news.*") == [], "already subscribed")
        #expect(state.command("unsub orders") == [.unsubscribe(node: 0, kind: .shardChannel, names: [Array("orders".utf8)])])
        #expect(state.command("unsub") == [.unsubscribe(node: 0, kind: .pattern, names: [])])
        #expect(!state.pubsub.hasSubscriptions)
    }

    @Test func logShowsMessagesEscapedWithCountsAndStatus() {
        var state = Self.subscribed()
        _ = AppUpdate.update(
            &state,
            .pubsubReceived(
                node: 0,
                batch: PubSubFactory.batch([
                    PubSubFactory.message("news", "plain hello"),
                    PubSubFactory.message("news", "evil\u{1b}[2J\u{1b}]0;title\u{07}\nsecond line"),
                ]), now: 2))
        let buffer = AppView.render(state)
        let screen = buffer.text
        if ProcessInfo.processInfo.environment["SHOW_SCREEN"] != nil { print(screen) }
        #expect(screen.contains("Messages"))
        #expect(screen.contains("plain hello"))
        #expect(screen.contains("evil\\x1b[2J\\x1b]0;title\\a\\nsecond line"))
        #expect(!buffer.cells.contains { $0.symbol.unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x07 || $0.value == 0x0a } })
        #expect(screen.contains("sub news, orders…"), "orders is not confirmed yet")
        #expect(screen.contains("2 shown"))
        #expect(screen.contains("Channels"))
        #expect(screen.contains("Newest message"))
    }

    @Test func detailPrettyPrintsJSON() {
        var state = Self.subscribed()
        _ = AppUpdate.update(&state, .pubsubReceived(node: 0, batch: PubSubFactory.batch([PubSubFactory.message("orders", #"{"id":42,"items":["a","b"]}"#)]), now: 2))
        let screen = AppView.render(state).text
        #expect(screen.contains(#""id": 42"#))
        #expect(screen.contains(#""items": ["#))
    }

    @Test func pauseFreezesTheViewWhileCountingGoesOn() {
        var state = Self.subscribed()
        _ = AppUpdate.update(&state, .pubsubReceived(node: 0, batch: PubSubFactory.batch([PubSubFactory.message("news", "before")]), now: 2))
        _ = AppUpdate.update(&state, .terminal(.key(.character(" "))))
        #expect(state.pubsub.frozen != nil)
        _ = AppUpdate.update(&state, .pubsubReceived(node: 0, batch: PubSubFactory.batch([PubSubFactory.message("news", "during")], received: 500), now: 3))
        #expect(state.pubsub.log.totalCounted == 501)
        #expect(state.pubsub.visibleEntries().count == 1)
        let screen = AppView.render(state).text
        #expect(screen.contains("PAUSED"))
        #expect(screen.contains("before"))
        #expect(!screen.contains("during"))
        #expect(screen.contains("+500 since pause"))
        _ = AppUpdate.update(&state, .terminal(.key(.character(" "))))
        #expect(state.pubsub.frozen == nil)
        #expect(AppView.render(state).text.contains("during"))
    }

    @Test func selectionScrollAndFilter() {
        var state = Self.subscribed()
        _ = AppUpdate.update(&state, .pubsubReceived(node: 0, batch: PubSubFactory.batch((0..<100).map { PubSubFactory.message($0 % 2 == 0 ? "news" : "orders.eu", "m\($0)") }), now: 2))
        _ = AppUpdate.update(&state, .terminal(.key(.character("j"))))
        let newest = state.pubsub.selected
        #expect(newest == 99)
        _ = AppUpdate.update(&state, .terminal(.key(.character("j"))))
        #expect(state.pubsub.selected == 98)
        #expect(AppView.render(state).text.contains("Selected message"))
        // New messages do not move the selection.
        _ = AppUpdate.update(&state, .pubsubReceived(node: 0, batch: PubSubFactory.batch([PubSubFactory.message("news", "later")]), now: 3))
        #expect(state.pubsub.selected == 98)
        _ = AppUpdate.update(&state, .terminal(.key(.character("G"))))
        #expect(state.pubsub.selected == 0)
        #expect(AppView.render(state).text.contains("m0"))
        _ = AppUpdate.update(&state, .terminal(.key(.escape)))
        #expect(state.pubsub.selected == nil)

        _ = AppUpdate.update(&state, .terminal(.key(.character("/"))))
        for ch in "EU" { _ = AppUpdate.update(&state, .terminal(.key(.character(ch)))) }
        _ = AppUpdate.update(&state, .terminal(.key(.enter)))
        #expect(state.pubsub.visibleEntries().count == 50)
        let screen = AppView.render(state).text
        #expect(screen.contains("filter: EU"))
        #expect(!screen.contains("later"))
        _ = AppUpdate.update(&state, .terminal(.key(.escape)))
        #expect(state.pubsub.visibleEntries().count == 101)
    }

    @Test func gapMarkerIsShown() {
        var state = Self.subscribed()
        let gap = DeliveryGap(from: 1_700_000_000_000_000_000, to: 1_700_000_002_500_000_000, reason: "connection reset by peer")
        _ = AppUpdate.update(&state, .pubsubReceived(node: 0, batch: PubSubFactory.batch([], events: [.status(.reconnecting(reason: "connection reset by peer", since: gap.from))]), now: 2))
        #expect(AppView.render(state).text.contains("reconnecting"))
        _ = AppUpdate.update(&state, .pubsubReceived(node: 0, batch: PubSubFactory.batch([PubSubFactory.message("news", "after")], events: [.gap(gap), .status(.connected(since: gap.to))]), now: 3))
        let screen = AppView.render(state).text
        #expect(screen.contains("gap"))
        #expect(screen.contains("2.5s"))
        #expect(screen.contains("messages may be missing"))
        #expect(screen.contains("last gap"))
    }

    @Test func keyEventsOfferToEnableThenSubscribeAndRestoreOnQuit() {
        var state = Self.subscribed()
        #expect(AppUpdate.update(&state, .terminal(.key(.character("e")))) == [.checkKeyspaceEvents(node: 0)])
        let off = KeyspaceEventsSetting(flags: "")
        #expect(AppUpdate.update(&state, .keyspaceEventsChecked(node: 0, result: .success(off))) == [])
        guard case .pubsub(.enableKeyEvents(0, off))? = state.overlay else {
            Issue.record("no confirmation: \(String(describing: state.overlay))")
            return
        }
        let screen = AppView.render(state).text
        #expect(screen.contains("Turn on keyspace notifications"))
        #expect(screen.contains("notify-keyspace-events"))
        let effects = AppUpdate.update(&state, .terminal(.key(.character("y"))))
        #expect(effects == [.setKeyspaceEvents(node: 0, flags: "Exeg", previous: "")])
        let subscribe = AppUpdate.update(&state, .keyspaceEventsSet(node: 0, flags: "Exeg", previous: "", error: nil))
        #expect(subscribe == [.subscribe(node: 0, kind: .pattern, names: [Array("__keyevent@*__:*".utf8)])])
        #expect(state.pubsub.keyEvents == .on)
        #expect(state.pubsub.keyspaceRestore == KeyspaceRestore(node: 0, previous: "", current: "Exeg"))
        #expect(AppView.render(state).text.contains("key events on"))
        // e again turns them off.
        #expect(AppUpdate.update(&state, .terminal(.key(.character("e")))) == [.unsubscribe(node: 0, kind: .pattern, names: [Array("__keyevent@*__:*".utf8)])])
    }

    @Test func keyEventsWhenTheSettingAlreadyCoversThem() {
        var state = Self.subscribed()
        _ = AppUpdate.update(&state, .terminal(.key(.character("e"))))
        let effects = AppUpdate.update(&state, .keyspaceEventsChecked(node: 0, result: .success(KeyspaceEventsSetting(flags: "AKE"))))
        #expect(effects == [.subscribe(node: 0, kind: .pattern, names: [Array("__keyevent@*__:*".utf8)])])
        #expect(state.overlay == nil)
        #expect(state.pubsub.keyspaceRestore == nil)
    }

    @Test func readOnlySaysKeyEventsAreOffAndRefusesPublish() {
        var state = AppState(addresses: ["127.0.0.1:7001"], readOnly: true)
        _ = AppUpdate.update(&state, .terminal(.key(.character("4"))))
        _ = AppUpdate.update(&state, .terminal(.key(.character("e"))))
        _ = AppUpdate.update(&state, .keyspaceEventsChecked(node: 0, result: .success(KeyspaceEventsSetting(flags: ""))))
        #expect(state.overlay == nil)
        #expect(state.status?.text.contains("keyspace notifications are off") == true)
        #expect(AppView.render(state).text.contains("notify-keyspace-events is off"))
        #expect(state.command("pub news hello") == [])
        #expect(state.status?.text.contains("read-only") == true)
    }

    @Test func publishGoesThroughTheMutationPath() {
        var state = Self.subscribed()
        #expect(state.command("pub news hello world") == [.publish(node: 0, channel: Array("news".utf8), message: Array("hello world".utf8))])
        _ = AppUpdate.update(&state, .published(channel: Array("news".utf8), result: .success(2)))
        #expect(state.status?.text == "published to news: 2 subscribers received it")
    }

    @Test func emptyPaneExplainsWhatToType() {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 1)
        _ = AppUpdate.update(&state, .terminal(.key(.character("4"))))
        #expect(AppView.render(state).text.contains("Nothing subscribed. :sub CHANNEL"))
    }
}
