import Testing

@testable import Inspector

/// Drives each default rule through pending → firing → resolved with real sample shapes.
@Suite struct AlertEngineTests {
    /// Feeds `samples` one second apart and returns the engine and the node.
    private func run(_ rules: [AlertRule], _ build: (Int) -> NodeSample?, seconds: ClosedRange<Int>, engine: inout AlertEngine, node: inout NodeHealth) {
        for t in seconds {
            if let s = build(t) { node.record(s) } else { node.recordFailure("127.0.0.1:1: connection refused", at: Double(t)) }
            engine.evaluate(node, at: Double(t))
        }
    }

    private func state(_ engine: AlertEngine, _ name: String) -> Alert.State? {
        engine.active.values.first { $0.rule.name == name }?.state
    }

    @Test(arguments: ["hit-ratio-low", "memory-high", "evictions-high"])
    func classicRuleGoesPendingFiringResolved(_ name: String) {
        let rule = AlertRule.defaults.first { $0.name == name }!
        var engine = AlertEngine(rules: [rule])
        var node = NodeHealth(address: "127.0.0.1:6379")
        // Breach for the first 400 s, then healthy.
        func sample(_ t: Int) -> NodeSample {
            // Counters stay monotonic: 70% hits and 20 evictions/s while bad, 95% and none after.
            let bad = t < 400
            let step = Int64(t)
            let badSeconds = Int64(min(t, 400))
            let goodSeconds = Int64(max(0, t - 400))
            return SampleFactory.sample(
                at: Double(t), commands: step * 100,
                hits: badSeconds * 70 + goodSeconds * 95, misses: badSeconds * 30 + goodSeconds * 5,
                evicted: badSeconds * 20, usedMemory: bad ? 950 : 500, maxMemory: 1000, uptime: 100 + step)
        }
        run([rule], sample, seconds: 0...1, engine: &engine, node: &node)
        #expect(state(engine, name) == .pending)
        run([rule], sample, seconds: 2...299, engine: &engine, node: &node)
        #expect(state(engine, name) == .pending, "not yet 5 minutes")
        run([rule], sample, seconds: 300...302, engine: &engine, node: &node)
        #expect(state(engine, name) == .firing)
        run([rule], sample, seconds: 303...402, engine: &engine, node: &node)
        #expect(state(engine, name) == nil)
        #expect(engine.resolved.last?.rule.name == name)
        #expect(engine.resolved.last?.state == .resolved)
    }

    @Test func pendingThatClearsBeforeDurationNeverFires() {
        let rule = AlertRule.defaults.first { $0.name == "memory-high" }!
        var engine = AlertEngine(rules: [rule])
        var node = NodeHealth(address: "n")
        run([rule], { SampleFactory.sample(at: Double($0), usedMemory: $0 < 60 ? 950 : 100, maxMemory: 1000, uptime: 100 + Int64($0)) }, seconds: 0...120, engine: &engine, node: &node)
        #expect(engine.active.isEmpty)
        #expect(engine.resolved.isEmpty)
    }

    @Test func unreachableFiresAtOnceAndResolvesOnRecovery() {
        let rule = AlertRule.defaults.first { $0.name == "node-unreachable" }!
        var engine = AlertEngine(rules: [rule])
        var node = NodeHealth(address: "n")
        run([rule], { $0 < 3 || $0 > 6 ? SampleFactory.sample(at: Double($0), uptime: 100 + Int64($0)) : nil }, seconds: 0...4, engine: &engine, node: &node)
        #expect(state(engine, "node-unreachable") == .firing)
        #expect(engine.active.values.first?.since == 3)
        run([rule], { $0 > 6 ? SampleFactory.sample(at: Double($0), uptime: Int64($0)) : nil }, seconds: 5...8, engine: &engine, node: &node)
        #expect(engine.active.isEmpty)
        #expect(engine.resolved.count == 1)
    }

    @Test func replicationLinkDownFiresAfterTenSeconds() {
        let rule = AlertRule.defaults.first { $0.name == "replication-link-down" }!
        var engine = AlertEngine(rules: [rule])
        var node = NodeHealth(address: "replica")
        run([rule], { SampleFactory.sample(at: Double($0), uptime: 100 + Int64($0), role: "slave", linkStatus: $0 < 20 ? "down" : "up") }, seconds: 0...5, engine: &engine, node: &node)
        #expect(state(engine, "replication-link-down") == .pending)
        run([rule], { SampleFactory.sample(at: Double($0), uptime: 100 + Int64($0), role: "slave", linkStatus: $0 < 20 ? "down" : "up") }, seconds: 6...12, engine: &engine, node: &node)
        #expect(state(engine, "replication-link-down") == .firing)
        run([rule], { SampleFactory.sample(at: Double($0), uptime: 100 + Int64($0), role: "slave", linkStatus: $0 < 20 ? "down" : "up") }, seconds: 13...21, engine: &engine, node: &node)
        #expect(engine.resolved.map(\.rule.name) == ["replication-link-down"])
    }

    @Test func rejectedConnectionsAndPersistenceFire() {
        var engine = AlertEngine()
        var node = NodeHealth(address: "n")
        node.record(SampleFactory.sample(at: 0, rejected: 0))
        engine.evaluate(node, at: 0)
        node.record(SampleFactory.sample(at: 1, rejected: 4, uptime: 101, rdbStatus: "err"))
        engine.evaluate(node, at: 1)
        #expect(state(engine, "rejected-connections") == .firing)
        #expect(state(engine, "persistence-failed") == .firing)
        node.record(SampleFactory.sample(at: 2, rejected: 4, uptime: 102))
        engine.evaluate(node, at: 2)
        #expect(engine.active.isEmpty)
        #expect(Set(engine.resolved.map(\.rule.name)) == ["rejected-connections", "persistence-failed"])
    }

    @Test func noMaxmemoryNeverBreachesMemoryRule() {
        var engine = AlertEngine()
        var node = NodeHealth(address: "n")
        node.record(SampleFactory.sample(at: 0, usedMemory: 10_000_000_000, maxMemory: 0))
        engine.evaluate(node, at: 0)
        #expect(state(engine, "memory-high") == nil)
    }
}
