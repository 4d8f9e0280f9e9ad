import Foundation
import Inspector
import TerminalUI
import Testing

@testable import AppCore

@Suite struct OverviewViewTests {
    @Test func showsEveryNodeWithRatesAndAlertBar() {
        let state = StateFactory.state(addresses: ["127.0.0.1:7001", "127.0.0.1:7002"], seconds: 20, hitRatio: 0.75)
        let screen = AppView.render(state).text
        if ProcessInfo.processInfo.environment["SHOW_SCREEN"] != nil { print(screen) }
        #expect(screen.contains("127.0.0.1:7001"))
        #expect(screen.contains("127.0.0.1:7002"))
        #expect(screen.contains("75%"))
        #expect(screen.contains("150"))  // ops/s
        #expect(screen.contains("pending"), "hit ratio below 80% is pending until 5 minutes pass")
        #expect(screen.contains("hit-ratio-low"))
    }

    @Test func downNodeShowsErrorAndSince() {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 3)
        _ = AppUpdate.update(&state, .sampled(node: 0, outcome: .failure(error: "127.0.0.1:7001: connection refused", at: 5)))
        _ = AppUpdate.update(&state, .tick(now: 65, wallMilliseconds: 0))
        let screen = AppView.render(state).text
        #expect(screen.contains("DOWN"))
        #expect(screen.contains("for 1m: 127.0.0.1:7001: connection refused"))
        #expect(screen.contains("FIRING"))
        #expect(screen.contains("node-unreachable"))
    }

    @Test func hostileAddressIsEscaped() {
        var state = AppState(addresses: ["evil\u{1b}[2J:1"])
        _ = AppUpdate.update(&state, .sampled(node: 0, outcome: .failure(error: "boom\u{1b}]0;title\u{07}", at: 1)))
        let buffer = AppView.render(state)
        #expect(!buffer.cells.contains { $0.symbol.unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x07 } })
        #expect(buffer.text.contains("\\x1b[2J"))
    }
}

@Suite struct NodeLabelTests {
    @Test func theHostIsShortenedAndThePortKept() {
        #expect(NodeLabel.shortened("127.0.0.1:45983", to: 20) == "127.0.0.1:45983")
        #expect(NodeLabel.shortened("127.0.0.1:45983", to: 12) == "127….1:45983")
        #expect(NodeLabel.shortened("127.0.0.1:45983", to: 5) == "…:459")
    }

    @Test func theCutAvoidsWhatTellsNeighboursApart() {
        let names = ["cache-eu-west-1a.prod.example.com:6379", "cache-eu-west-1b.prod.example.com:6379"]
        let labels = names.map { NodeLabel(NodeHealth(address: $0), PaneContext(now: 0, wallMilliseconds: 0, width: 80, height: 24, currentNode: 0, addresses: names)) }
        let cores = NodeLabel.cores(of: labels)
        #expect(cores[0] == 15..<16)
        #expect(NodeLabel.shortened(names[0], to: 24, core: cores[0]) == "cache-eu-west-1a.p…:6379")
        let ips = ["10.0.0.31:6379", "10.0.0.32:6379"]
        let ipLabels = ips.map { NodeLabel(NodeHealth(address: $0), PaneContext(now: 0, wallMilliseconds: 0, width: 80, height: 24, currentNode: 0, addresses: ips)) }
        let ipCores = NodeLabel.cores(of: ipLabels)
        #expect(NodeLabel.shortened(ips[1], to: 11, core: ipCores[1]) == "10.0…2:6379")
    }
}
