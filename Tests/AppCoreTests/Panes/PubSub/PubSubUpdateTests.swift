import Inspector
import TerminalUI
import Testing

@testable import AppCore

/// The Pub/Sub pane's update: subscriptions by command, what the subscribers report, pause,
/// filter, Esc, the key-events switch and its confirmation, and `:pub`.
@Suite struct PubSubUpdateTests {
    typealias P = PubSubFactory

    static let keyEvents = Array(KeyspaceEventsSetting.pattern.utf8)

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// On the Pub/Sub pane, subscribed to `news`.
    static func subscribed(readOnly: Bool = false) -> AppState {
        var state = AppState(addresses: ["127.0.0.1:7001"], readOnly: readOnly)
        state.command("sub news")
        return state
    }

    @Test(
        "each subscribe command says what it subscribes to and shows the pane",
        arguments: [
            ("sub news orders", "subscribing to channels news, orders"),
            ("sub news", "subscribing to channel news"),
            ("psub news.*", "subscribing to pattern news.*"),
            ("ssub orders", "subscribing to shard channel orders"),
        ])
    func subscribeStatus(line: String, text: String) {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        #expect(state.command(line).count == 1)
        #expect(state.status?.text.description == text)
        #expect(state.pane == .pubsub)
    }

    @Test("subscribing again sends only the names not yet asked for")
    func onlyNewNames() {
        var state = Self.subscribed()
        #expect(state.command("sub news orders") == [.subscribe(node: 0, kind: .channel, names: [Self.bytes("orders")])])
        #expect(state.command("sub orders news") == [])
        #expect(state.status?.text.description == "already subscribed")
        #expect(state.pubsub.target(0)?.wanted[.channel] == [Self.bytes("news"), Self.bytes("orders")])
    }

    @Test("unsubscribing from what is not subscribed is a warning and sends nothing")
    func unsubscribeNothing() {
        var state = AppState(addresses: ["127.0.0.1:7001"])
        #expect(state.command("unsub") == [])
        #expect(state.status?.text.description == "not subscribed to anything")
        state.command("sub news")
        #expect(state.command("unsub other") == [])
        #expect(state.status?.text.description == "not subscribed to other")
        #expect(state.status?.kind == .warning)
    }

    @Test("unsub with no name leaves every kind, one command per kind")
    func unsubscribeAll() {
        var state = Self.subscribed()
        state.command("psub cache.*")
        state.command("ssub orders")
        #expect(
            state.command("unsub") == [
                .unsubscribe(node: 0, kind: .channel, names: []), .unsubscribe(node: 0, kind: .pattern, names: []),
                .unsubscribe(node: 0, kind: .shardChannel, names: []),
            ])
        #expect(state.status?.text.description == "unsubscribed")
        #expect(!state.pubsub.hasSubscriptions)
    }

    @Test("unsubscribing from the key-events pattern turns key events off")
    func unsubscribeKeyEvents() {
        var state = Self.subscribed()
        state.press("e")
        state.send(.keyspaceEventsChecked(node: 0, result: .success(KeyspaceEventsSetting(flags: "AE"))))
        #expect(state.pubsub.keyEvents == .on)
        #expect(state.command("unsub \(KeyspaceEventsSetting.pattern)") == [.unsubscribe(node: 0, kind: .pattern, names: [Self.keyEvents])])
        #expect(state.pubsub.keyEvents == .off)
    }

    @Test("the server's answer to :pub: receivers counted, singular or plural, or why it failed")
    func publishedAnswers() {
        var state = Self.subscribed()
        state.send(.published(channel: Self.bytes("news"), result: .success(1)))
        #expect(state.status?.text.description == "published to news: 1 subscriber received it")
        state.send(.published(channel: Self.bytes("news"), result: .failure(LoadError("NOPERM"))))
        #expect(state.status?.text.description == "publish failed: NOPERM")
        #expect(state.status?.kind == .error)
    }

    @Test(":pub is refused in read-only mode before anything is sent")
    func publishRefusedReadOnly() {
        var state = Self.subscribed(readOnly: true)
        #expect(state.command("pub news hi") == [])
        #expect(state.status?.text.description == "read-only mode: :pub is disabled")
        #expect(state.status?.kind == .error)
    }

    @Test("confirmations and losses of subscriptions follow the subscriber's events")
    func subscriptionEvents() {
        var state = Self.subscribed()
        state.send(.pubsubReceived(node: 0, batch: P.batch([], events: [.status(.connected(since: 1)), .subscribed(.channel, name: Self.bytes("news"), count: 1)]), now: 1))
        #expect(state.pubsub.target(0)?.confirmed == [Self.bytes("news")])
        #expect(state.pubsub.target(0)?.state == .connected(since: 1))
        state.send(.pubsubReceived(node: 0, batch: P.batch([], events: [.unsubscribed(.channel, name: Self.bytes("news"), count: 0)]), now: 2))
        #expect(state.pubsub.target(0)?.confirmed.isEmpty == true)
        state.send(.pubsubReceived(node: 0, batch: P.batch([], events: [.subscribed(.channel, name: Self.bytes("news"), count: 1)]), now: 3))
        state.send(.pubsubReceived(node: 0, batch: P.batch([], events: [.status(.reconnecting(reason: "reset", since: 4))]), now: 4))
        #expect(state.pubsub.target(0)?.confirmed.isEmpty == true, "a reconnect must confirm again")
        #expect(state.pubsub.target(0)?.wanted[.channel] == [Self.bytes("news")], "what was asked for is kept")
    }

    @Test("a server error is shown with the node; a gap is kept and logged as its own row")
    func errorsAndGaps() {
        var state = Self.subscribed()
        state.send(.pubsubReceived(node: 0, batch: P.batch([], events: [.serverError("ERR unknown command 'SSUBSCRIBE'")]), now: 1))
        #expect(state.status?.text.description == "127.0.0.1:7001: ERR unknown command 'SSUBSCRIBE'")
        #expect(state.status?.kind == .error)
        let gap = DeliveryGap(from: 1, to: 2, reason: "connection reset")
        let before = state.pubsub.log.entries.count
        state.send(.pubsubReceived(node: 0, batch: P.batch([P.message("news", "after")], events: [.gap(gap)]), now: 2))
        #expect(state.pubsub.target(0)?.lastGap == gap)
        #expect(state.pubsub.log.entries.count == before + 2)
    }

    @Test("messages from a node with no subscription here are still logged and counted")
    func batchWithoutTarget() {
        var state = Self.subscribed()
        state.send(.pubsubReceived(node: 3, batch: P.batch([P.message("x", "y")], received: 7), now: 1))
        #expect(state.pubsub.log.totalCounted == 7)
        #expect(state.pubsub.visibleEntries().count == 1)
        #expect(state.pubsub.targets.map(\.node) == [0])
    }

    @Test("Space pauses and resumes, saying how many arrived meanwhile")
    func pauseResumeStatus() {
        var state = Self.subscribed()
        state.press(" ")
        #expect(state.status?.text.description == "paused: the view is frozen, counting goes on (Space resumes)")
        state.send(.pubsubReceived(node: 0, batch: P.batch([P.message("news", "a")], received: 42), now: 1))
        state.press(" ")
        #expect(state.status?.text.description == "resumed (42 messages arrived while paused)")
        #expect(state.pubsub.frozen == nil)
    }

    @Test("/ takes every typed key (Space and e included); Esc while typing keeps the old filter")
    func filterTyping() {
        var state = Self.subscribed()
        state.press("/")
        #expect(state.inputFocus == .pubsubFilter)
        #expect(state.type("e q") == [])
        #expect(state.pubsub.frozen == nil)
        #expect(state.pubsub.keyEvents == .off)
        state.press(.enter)
        #expect(state.pubsub.filter.text == "e q")
        state.press("/")
        state.type("zz")
        state.press(.escape)
        #expect(state.pubsub.filter.text == "e q")
        #expect(state.inputFocus == .bindings)
    }

    @Test("Esc clears the filter first, then the selection, then the status line")
    func escapeOrder() {
        var state = Self.subscribed()
        state.send(.pubsubReceived(node: 0, batch: P.batch([P.message("news", "a"), P.message("news", "b")]), now: 1))
        state.press("/")
        state.type("a")
        state.press(.enter)
        state.press("j")
        #expect(state.pubsub.selected != nil)
        state.press(.escape)
        #expect(state.pubsub.filter.isEmpty)
        #expect(state.status?.text.description == "filter cleared")
        #expect(state.pubsub.selected != nil)
        state.press(.escape)
        #expect(state.pubsub.selected == nil)
        #expect(state.status != nil)
        state.press(.escape)
        #expect(state.status == nil)
    }

    @Test("e reads the server's setting once; while it is being read, e does nothing")
    func keyEventsCheck() {
        var state = Self.subscribed()
        #expect(state.press("e") == [.checkKeyspaceEvents(node: 0)])
        #expect(state.pubsub.keyEvents == .checking)
        #expect(state.status?.text.description == "reading notify-keyspace-events…")
        #expect(state.press("e") == [])
    }

    @Test("a setting that lacks some flags says which, and the dialog offers exactly those")
    func partialSetting() {
        var state = Self.subscribed()
        state.press("e")
        let setting = KeyspaceEventsSetting(flags: "Kx")
        state.send(.keyspaceEventsChecked(node: 0, result: .success(setting)))
        #expect(state.pubsub.keyEvents == .notConfigured(setting))
        #expect(state.overlay == .pubsub(.enableKeyEvents(node: 0, setting: setting)))
        #expect(state.press("y") == [.setKeyspaceEvents(node: 0, flags: "KxEeg", previous: "Kx")])
        #expect(state.status?.text.description == #"setting notify-keyspace-events to "KxEeg"…"#)
    }

    @Test("n, Esc or q in the dialog leave the setting alone and say so", arguments: [.character("n"), .escape, .character("q")] as [Key])
    func dialogDeclined(key: Key) {
        var state = Self.subscribed()
        state.press("e")
        state.send(.keyspaceEventsChecked(node: 0, result: .success(KeyspaceEventsSetting(flags: ""))))
        #expect(state.press(key) == [])
        #expect(state.overlay == nil)
        #expect(state.status?.text.description == "notify-keyspace-events left as it is: no key events")
    }

    @Test("Ctrl-C in the dialog quits; other keys leave it up")
    func dialogOtherKeys() {
        var state = Self.subscribed()
        state.press("e")
        state.send(.keyspaceEventsChecked(node: 0, result: .success(KeyspaceEventsSetting(flags: ""))))
        #expect(state.press("x") == [])
        #expect(state.press(.enter) == [])
        #expect(state.overlay != nil)
        #expect(state.press(.control("c")) == [.quit])
    }

    @Test("pressing e on a known unsuitable setting offers the dialog again without reading it")
    func notConfiguredOffersAgain() {
        var state = Self.subscribed()
        state.press("e")
        state.send(.keyspaceEventsChecked(node: 0, result: .success(KeyspaceEventsSetting(flags: ""))))
        state.press("n")
        #expect(state.press("e") == [])
        #expect(state.overlay == .pubsub(.enableKeyEvents(node: 0, setting: KeyspaceEventsSetting(flags: ""))))
    }

    @Test("a setting that cannot be read or set makes key events unavailable; e tries again")
    func unavailable() {
        var state = Self.subscribed()
        state.press("e")
        state.send(.keyspaceEventsChecked(node: 0, result: .failure(LoadError("NOPERM this user has no permissions to run the 'config|get' command"))))
        #expect(state.pubsub.keyEvents == .unavailable("NOPERM this user has no permissions to run the 'config|get' command"))
        #expect(state.status?.kind == .error)
        #expect(state.press("e") == [.checkKeyspaceEvents(node: 0)])
        let effects = state.send(.keyspaceEventsSet(node: 0, flags: "Exeg", previous: "", error: LoadError("ERR CONFIG SET failed")))
        #expect(effects == [])
        #expect(state.pubsub.keyEvents == .unavailable("ERR CONFIG SET failed"))
        #expect(state.status?.text.description == "could not set notify-keyspace-events: ERR CONFIG SET failed")
        #expect(state.pubsub.keyspaceRestore == nil)
    }

    @Test("the value to restore on quit is the first one cachescope replaced")
    func restoreKeepsTheFirstValue() {
        var state = Self.subscribed()
        state.send(.keyspaceEventsSet(node: 0, flags: "Exeg", previous: "", error: nil))
        #expect(state.status?.text.description == #"key events on: __keyevent@*__:* (notify-keyspace-events goes back to "" on quit)"#)
        state.press("e")
        state.send(.keyspaceEventsSet(node: 0, flags: "KExeg", previous: "Exeg", error: nil))
        #expect(state.pubsub.keyspaceRestore == KeyspaceRestore(node: 0, previous: "", current: "Exeg"))
    }

    @Test("the other clients' channels are kept for the current node only; a failure says why")
    func channelsListed() {
        var state = AppState(addresses: ["127.0.0.1:7001", "127.0.0.1:7002"])
        #expect(state.press("4") == [.listChannels(node: 0)])
        let channels = ActiveChannels(channels: [.init(name: Self.bytes("news"), subscribers: 3)], channelCount: 1, patternCount: 0)
        state.send(.channelsListed(node: 1, result: .success(channels)))
        #expect(state.pubsub.activeChannels == nil)
        state.send(.channelsListed(node: 0, result: .success(channels)))
        #expect(state.pubsub.activeChannels == channels)
        state.send(.channelsListed(node: 0, result: .failure(LoadError("NOPERM"))))
        #expect(state.pubsub.activeChannels == nil)
        #expect(state.status?.text.description == "active channels: NOPERM")
    }

    @Test("j, k, PgDn, g, G move through the shown messages, newest first; g follows the newest again")
    func movement() {
        var state = Self.subscribed()
        state.send(.pubsubReceived(node: 0, batch: P.batch((0..<50).map { P.message("news", "m\($0)") }), now: 1))
        state.press("j")
        #expect(state.pubsub.selected == 49)
        state.press("k")
        #expect(state.pubsub.selected == nil)
        state.press(.pageDown)
        #expect(state.pubsub.selected == 49 - PubSubView.logRows(height: state.height))
        state.press("G")
        #expect(state.pubsub.selected == 0)
        state.press("g")
        #expect(state.pubsub.selected == nil)
    }
}
