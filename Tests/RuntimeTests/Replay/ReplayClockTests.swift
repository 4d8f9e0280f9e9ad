import Runtime
import TerminalUI
import Testing

/// The replay clock's keys, without a terminal: 14:00:00 to 14:20:00 UTC, alerts at 14:05:30 and 14:10:30.
@Suite("Replay clock: keys and :goto")
struct ReplayClockTests {
    private func clock() -> ReplayClock {
        ReplayClock(bounds: 0...1_200_000, startedAtMilliseconds: 1_764_943_200_000, stepMilliseconds: 1000, alertMoments: [330_000, 630_000])
    }

    @Test("Space pauses, arrows step only when paused, [ ] walk the speeds from 1× to 60×")
    func pauseStepSpeed() {
        var c = clock()
        let move1 = c.handle(.right)
        #expect(move1 == .refused("replay: pause (Space) before stepping"))
        let move2 = c.advance(realMilliseconds: 250)
        #expect(move2)
        #expect(c.position == 250)
        let move3 = c.handle(.character(" "))
        #expect(move3 == .changed)
        let move4 = c.advance(realMilliseconds: 250)
        #expect(!move4)
        let move5 = c.handle(.right)
        #expect(move5 == .jumped)
        #expect(c.position == 1250)
        let move6 = c.handle(.left)
        #expect(move6 == .jumped)
        #expect(c.position == 250)
        for _ in 0..<10 { _ = c.handle(.character("]")) }
        #expect(c.speed == 60)
        for _ in 0..<10 { _ = c.handle(.character("[")) }
        #expect(c.speed == 1)
        let move7 = c.handle(.character("x"))
        #expect(move7 == nil)
    }

    @Test("g and G go to the ends, t to the next alert transition, and none after the last")
    func jumps() {
        var c = clock()
        _ = c.handle(.character("G"))
        #expect(c.position == 1_200_000)
        _ = c.handle(.character("g"))
        #expect(c.position == 0)
        _ = c.handle(.character("t"))
        #expect(c.position == 330_000)
        _ = c.handle(.character("t"))
        #expect(c.position == 630_000)
        let move8 = c.handle(.character("t"))
        #expect(move8 == .refused("replay: no alert transition after this moment"))
    }

    @Test(":goto takes a time of day in the recording and refuses others")
    func goto() {
        var c = clock()
        let move9 = c.goto("14:03:20")
        #expect(move9 == .jumped)
        #expect(c.position == 200_000)
        #expect(c.wallTime(c.position) == "14:03:20")
        let move10 = c.goto("14:10")
        #expect(move10 == .jumped)
        #expect(c.position == 600_000)
        let move11 = c.goto("abc")
        #expect(move11 == .refused("goto: abc is not a time (HH:MM:SS)"))
        let move12 = c.goto("25:00:00")
        #expect(move12 == .refused("goto: 25:00:00 is not a time (HH:MM:SS)"))
        let move13 = c.goto("15:00:00")
        #expect(move13 == .refused("goto: 15:00:00 is outside the recording (14:00:00–14:20:00)"))
        #expect(c.position == 600_000)
    }
}
