import Inspector
import TerminalUI
import Testing

@testable import AppCore

@Suite("Pub/Sub pane: the node's active channels while nothing is subscribed")
struct ActiveChannelsViewTests {
    static func listed(_ channels: [(String, Int64)], count: Int64? = nil, patterns: Int64 = 0) -> ActiveChannels {
        ActiveChannels(
            channels: channels.map { ActiveChannels.Channel(name: Array($0.0.utf8), subscribers: $0.1) },
            channelCount: count ?? Int64(channels.count), patternCount: patterns)
    }

    @Test("entering the pane with nothing subscribed asks for the channels; with a subscription it does not")
    func enteringAsks() {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 1)
        #expect(AppUpdate.update(&state, .terminal(.key(.character("4")))) == [.listChannels(node: 0)])
        _ = AppUpdate.update(&state, .terminal(.key(.character("1"))))
        state.command("sub news")
        _ = AppUpdate.update(&state, .terminal(.key(.character("1"))))
        #expect(AppUpdate.update(&state, .terminal(.key(.character("4")))) == [])
    }

    @Test("the channels are listed busiest first, names escaped; a subscription replaces the list")
    func listedAndEscaped() {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 1)
        _ = AppUpdate.update(&state, .terminal(.key(.character("4"))))
        _ = AppUpdate.update(&state, .channelsListed(node: 0, result: .success(Self.listed([("cache:invalidate", 2), ("evil\u{1b}[2J", 1)], patterns: 1))))
        let screen = AppView.render(state).text
        #expect(screen.contains("Channels in use on this node, 1 pattern; :sub NAME tails one:"))
        #expect(screen.contains("cache:invalidate  2 subscribers"))
        #expect(screen.contains("evil\\x1b[2J  1 subscriber"))
        #expect(!screen.contains("\u{1b}"))
        state.command("sub cache:invalidate")
        #expect(!AppView.render(state).text.contains("Channels in use"))
    }

    @Test("too many channels are counted, not listed; none at all says so; an error is shown")
    func truncatedEmptyAndError() {
        #expect(
            PubSubView.activeChannelLines(Self.listed([], count: 5000))
                == ["5000 channels in use on this node: too many to list; :psub PATTERN tails a family."])
        #expect(PubSubView.activeChannelLines(Self.listed([])) == ["No client of this node is subscribed to a channel."])
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 1)
        _ = AppUpdate.update(&state, .terminal(.key(.character("4"))))
        _ = AppUpdate.update(&state, .channelsListed(node: 0, result: .failure(LoadError("NOPERM this user has no permissions to run the 'pubsub|channels' command"))))
        #expect(AppView.render(state).text.contains("active channels: NOPERM"))
    }
}
