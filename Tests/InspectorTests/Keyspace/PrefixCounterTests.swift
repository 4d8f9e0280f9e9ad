import Foundation
import Testing

@testable import Inspector

/// The walk's bounded per-prefix counters: exact counts while they fit, the smallest folded into
/// their parent's `other` total beyond, totals always adding up.
@Suite struct PrefixCounterTests {
    static func count(_ keys: [String], into counter: inout PrefixCounter) {
        for key in keys { Array(key.utf8).withUnsafeBytes { counter.count($0) } }
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// For the root and every held prefix: direct keys + held children + folded = its count.
    static func expectTotalsAddUp(_ counter: PrefixCounter, sourceLocation: SourceLocation = #_sourceLocation) {
        var parents: [[UInt8]] = [[]]
        var i = 0
        while i < parents.count {
            let parent = parents[i]
            i += 1
            let children = counter.children(of: parent)
            let level = parent.filter { $0 == counter.delimiter }.count
            let sum = counter.direct(in: parent) + children.reduce(0) { $0 + $1.count } + counter.folded(under: parent)
            if level < counter.depth {
                #expect(sum == counter.count(of: parent), "under \(String(decoding: parent, as: UTF8.self))", sourceLocation: sourceLocation)
            }
            parents += children.map(\.prefix)
        }
    }

    @Test("under the bound every prefix to the depth is counted exactly, direct keys apart")
    func exactUnderBound() {
        var counter = PrefixCounter(depth: 2, capacity: 64)
        Self.count(["user:profile:1", "user:profile:2", "user:settings:1", "user:7", "session:a", "plain", "a:b:c:d"], into: &counter)
        #expect(counter.total == 7)
        #expect(counter.count(of: Self.bytes("user:")) == 4)
        #expect(counter.count(of: Self.bytes("user:profile:")) == 2)
        #expect(counter.count(of: Self.bytes("a:b:")) == 1)
        #expect(counter.count(of: Self.bytes("a:b:c:")) == nil)  // deeper than the depth
        #expect(counter.direct(in: Self.bytes("user:")) == 1)
        #expect(counter.direct(in: []) == 1)
        #expect(counter.folded(under: []) == 0)
        #expect(counter.isExact(Self.bytes("user:profile:")))
        #expect(counter.children(of: []).map(\.prefix) == ["user:", "a:", "session:"].map(Self.bytes))
        Self.expectTotalsAddUp(counter)
    }

    @Test("past the bound the smallest are folded into their parent's other total; the largest stay exact")
    func foldsSmallest() {
        var counter = PrefixCounter(depth: 1, capacity: 8)
        // Four big prefixes first (as a hash-ordered walk meets them), then 40 of one key each.
        var keys: [String] = []
        for big in 0..<4 { for i in 0..<(100 * (big + 1)) { keys.append("big\(big):\(i)") } }
        for small in 0..<40 { keys.append("small\(small):x") }
        Self.count(keys, into: &counter)
        #expect(counter.total == 1000 + 40)
        #expect(counter.heldCount <= 8)
        for big in 0..<4 {
            #expect(counter.count(of: Self.bytes("big\(big):")) == 100 * (big + 1))
            #expect(counter.isExact(Self.bytes("big\(big):")))
        }
        let heldSmall = counter.children(of: []).filter { $0.prefix.starts(with: Self.bytes("small")) }.reduce(0) { $0 + $1.count }
        #expect(counter.folded(under: []) + heldSmall == 40)
        #expect(counter.folded(under: []) > 0)
        #expect(counter.foldedPrefixes > 0)
        // Order: most keys first.
        #expect(counter.children(of: []).prefix(4).map(\.prefix) == (0..<4).reversed().map { Self.bytes("big\($0):") })
        Self.expectTotalsAddUp(counter)
    }

    @Test("a prefix that comes back after a fold beside it is held again but no longer exact")
    func comebackIsNotExact() {
        var counter = PrefixCounter(depth: 1, capacity: 4)
        Self.count(["a:1", "a:2", "a:3", "b:1", "b:2", "c:1", "d:1", "d:2"], into: &counter)
        #expect(counter.folded(under: []) == 0)
        Self.count(["a:4"], into: &counter)  // held already: no fold
        #expect(counter.folded(under: []) == 0)
        Self.count(["e:1"], into: &counter)  // full: the smallest, c:, is folded to make room
        #expect(counter.folded(under: []) == 1)
        #expect(!counter.holds(Self.bytes("c:")))
        #expect(!counter.isExact(Self.bytes("e:")))
        Self.count(["c:2"], into: &counter)  // back, after a fold: held but no longer exact
        #expect(counter.folded(under: []) == 2)
        #expect(counter.isExact(Self.bytes("a:")))
        #expect(counter.count(of: Self.bytes("a:")) == 4)
        #expect(!counter.isExact(Self.bytes("c:")))
        #expect(counter.count(of: Self.bytes("c:")) == 1)
        Self.expectTotalsAddUp(counter)
    }

    @Test("folding a parent takes its children and their folded totals with it; totals still add up")
    func foldsParentsWithChildren() {
        var counter = PrefixCounter(depth: 2, capacity: 16)
        var keys: [String] = []
        for i in 0..<300 { keys.append("user:\(i % 3):\(i)") }  // user: and 3 children, large
        for i in 0..<200 { keys.append("t\(i):u\(i % 7):k") }  // 200 parents with a child each
        for i in 0..<50 { keys.append("user:x\(i):k") }  // many small children of user:
        Self.count(keys, into: &counter)
        #expect(counter.total == 550)
        #expect(counter.heldCount <= 16)
        #expect(counter.count(of: Self.bytes("user:")) == 350)
        #expect(counter.isExact(Self.bytes("user:")))
        for child in 0..<3 { #expect(counter.count(of: Self.bytes("user:\(child):")) == 100) }
        #expect(counter.folded(under: Self.bytes("user:")) > 0)
        Self.expectTotalsAddUp(counter)
        // No folded total is left behind for a prefix no longer held.
        for parent in counter.foldedKeys.keys where !parent.isEmpty { #expect(counter.holds(parent)) }
    }

    @Test("duplicates the caller notices are recorded")
    func duplicates() {
        var counter = PrefixCounter()
        counter.noteDuplicate()
        #expect(counter.duplicatesSeen == 1)
    }
}
