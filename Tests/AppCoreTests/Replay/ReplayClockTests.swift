import AppCore
import Testing

/// The replay clock's actions, without a terminal: 14:00:00 to 14:20:00 UTC, alerts at 14:05:30 and 14:10:30.
@Suite("Replay clock: its actions and :goto")
struct ReplayClockTests {
    private func clock() -> ReplayClock {
        ReplayClock(bounds: 0...1_200_000, startedAtMilliseconds: 1_764_943_200_000, stepMilliseconds: 1000, alertMoments: [330_000, 630_000])
    }

    @Test("Space pauses, arrows step only when paused and stop at the ends, [ ] walk the speeds from 1× to 60× and no further")
    func pauseStepSpeed() {
        var c = clock()
        let refused = c.perform(.replayStepForward)
        #expect(refused == .refused("replay: pause (Space) before stepping"))
        let moved = c.advance(realMilliseconds: 250)
        #expect(moved)
        #expect(c.position == 250)
        let paused = c.perform(.replayPause)
        #expect(paused == .changed)
        #expect(c.paused)
        let stillPaused = c.advance(realMilliseconds: 250)
        #expect(!stillPaused)
        let forward = c.perform(.replayStepForward)
        #expect(forward == .jumped)
        #expect(c.position == 1250)
        _ = c.perform(.replayStepBack)
        _ = c.perform(.replayStepBack)
        #expect(c.position == 0, "a step back before the start stops at the start")
        _ = c.perform(.replayEnd)
        _ = c.perform(.replayStepForward)
        #expect(c.position == 1_200_000, "a step past the end stops at the end")
        var speeds: [Int] = []
        for _ in 0..<8 {
            _ = c.perform(.replayFaster)
            speeds.append(c.speed)
        }
        #expect(speeds == [2, 5, 10, 30, 60, 60, 60, 60])
        for _ in 0..<8 { _ = c.perform(.replaySlower) }
        #expect(c.speed == 1)
        let other = c.perform(.quit)
        #expect(other == nil)
    }

    @Test("At 60× a quarter second of real time is 15 s of the recording, and the clock stops at the end")
    func advanceAtSpeed() {
        var c = clock()
        for _ in 0..<5 { _ = c.perform(.replayFaster) }
        _ = c.advance(realMilliseconds: 250)
        #expect(c.position == 15_000)
        _ = c.perform(.replayEnd)
        let atEnd = c.advance(realMilliseconds: 250)
        #expect(!atEnd)
        #expect(c.position == 1_200_000)
    }

    @Test("g and G go to the ends, t to the next alert transition, and none after the last")
    func jumps() {
        var c = clock()
        _ = c.perform(.replayEnd)
        #expect(c.position == 1_200_000)
        _ = c.perform(.replayStart)
        #expect(c.position == 0)
        _ = c.perform(.replayNextAlert)
        #expect(c.position == 330_000)
        _ = c.perform(.replayNextAlert)
        #expect(c.position == 630_000)
        let none = c.perform(.replayNextAlert)
        #expect(none == .refused("replay: no alert transition after this moment"))
        #expect(c.position == 630_000)
    }

    @Test(":goto takes a time of day in the recording and refuses bad or outside times without moving")
    func goto() {
        var c = clock()
        let exact = c.goto("14:03:20")
        #expect(exact == .jumped)
        #expect(c.position == 200_000)
        #expect(c.wallTime(c.position) == "14:03:20")
        let minutes = c.goto("14:10")
        #expect(minutes == .jumped)
        #expect(c.position == 600_000)
        for bad in ["abc", "25:99", "25:00:00", "14:60", "14:03:61", "14:03:20:00", "14", "", "14:-3"] {
            let move = c.goto(bad)
            #expect(move == .refused("goto: \(bad) is not a time (HH:MM:SS)"), "\(bad)")
        }
        let outside = c.goto("15:00:00")
        #expect(outside == .refused("goto: 15:00:00 is outside the recording (14:00:00–14:20:00)"))
        #expect(c.position == 600_000)
    }
}
