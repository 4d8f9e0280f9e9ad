import Foundation
import Testing

@testable import Inspector

/// The index's memory budget: a uniform sample by key hash past it, attributes kept, ids renumbered.
@Suite struct IndexBudgetTests {
    /// `n` keys under six prefixes, each looked up (type, TTL, memory by position).
    static func index(_ n: Int) -> KeyIndex {
        var index = KeyIndex()
        let prefixes = ["user:", "session:", "cart:", "feed:", "rate:", "lock:"]
        for i in 0..<n {
            let id = index.insert(Array("\(prefixes[i % 6])\(i)".utf8))!.id
            index.update(id, type: i % 2 == 0 ? .string : .hash, ttl: i % 3 == 0 ? .persistent : .expires(atMilliseconds: 1_000_000), memory: UInt64(50 + i % 100))
        }
        return index
    }

    @Test("under the budget nothing changes: every key kept, rate 1")
    func underBudget() {
        var budget = IndexBudget(bytes: 64 << 20)
        #expect(budget.enforce(on: Self.index(10_000)) == nil)
        #expect(budget.rate == 1)
    }

    @Test("past the budget the index halves until it fits, keeping a uniform sample with its attributes")
    func pastBudget() throws {
        let full = Self.index(100_000)
        var budget = IndexBudget(bytes: 2 << 20)
        #expect(budget.isExceeded(by: full))
        let enforced = budget.enforce(on: full)
        let (kept, newIDs) = try #require(enforced)
        #expect(!budget.isExceeded(by: kept))
        #expect(budget.rate < 1 && budget.rate > 0)
        // Halvings only: the rate is a power of two.
        let halvings = (1 / budget.rate).squareRoot() * (1 / budget.rate).squareRoot()
        #expect(abs(log2(halvings) - log2(halvings).rounded()) < 1e-6, "rate \(budget.rate)")
        // The kept share is the rate, within five standard deviations of a binomial.
        let expected = Double(full.liveCount) * budget.rate
        let sd = (expected * (1 - budget.rate)).squareRoot()
        #expect(abs(Double(kept.liveCount) - expected) <= 5 * sd, "kept \(kept.liveCount), expected \(expected)")
        // Every old id maps to its key's new id with the same attributes, or was dropped.
        var mapped = 0
        for raw in 0..<UInt32(full.idCount) {
            let old = KeyID(rawValue: raw)
            let new = newIDs[Int(raw)]
            if new == .max {
                #expect(kept.find(full.key(old)) == nil)
                continue
            }
            mapped += 1
            let id = KeyID(rawValue: new)
            #expect(kept.key(id) == full.key(old))
            #expect(kept.type(id) == full.type(old) && kept.ttl(id) == full.ttl(old) && kept.memoryUsage(id) == full.memoryUsage(old))
        }
        #expect(mapped == kept.liveCount)
        // Each prefix keeps about its share: the sample does not favour names.
        let view = KeyspaceView(index: kept, sampleRate: budget.rate)
        for prefix in ["user:", "session:", "cart:", "feed:", "rate:", "lock:"] {
            let share = Double(view.summary(ofPrefix: Array(prefix.utf8)).keys) / Double(kept.liveCount)
            #expect(abs(share - 1.0 / 6) < 0.03, "\(prefix) holds \(share) of the sample")
        }
        // Admission agrees with what was kept: a key passed later is kept by the same rule.
        for i in 0..<600 {
            let key = Array("\(["user:", "session:", "cart:", "feed:", "rate:", "lock:"][i % 6])\(i)".utf8)
            #expect((kept.find(key) != nil) == key.withUnsafeBytes(budget.admits), "\(i)")
        }
    }

    @Test("the sample order survives renumbering: a sorted order keeps byte order")
    func renumber() {
        let full = Self.index(5000)
        var sorted = SortedKeyOrder()
        sorted.append(0..<UInt32(full.idCount))
        sorted.merge(using: full)
        let (kept, newIDs) = IndexBudget.retaining(full, threshold: UInt64.max / 4)
        sorted.renumber(newIDs)
        #expect(sorted.ids.count == kept.liveCount)
        let keys = sorted.ids.map { kept.key(KeyID(rawValue: $0)) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
    }
}
