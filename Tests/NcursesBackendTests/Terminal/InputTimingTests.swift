import Foundation
import Testing

@testable import NcursesBackend

/// Which frame answers which input: inputs are answered oldest first, by the next frame handed
/// over after the application took them in; a frame replaced before it was drawn passes its
/// answers on to the one that replaces it.
@Suite struct InputTimingTests {
    static let start = ContinuousClock.now

    static func at(_ milliseconds: Int) -> ContinuousClock.Instant { start + .milliseconds(milliseconds) }

    @Test("two keys read together, taken in one at a time: each answered by its own frame, oldest first")
    func oneFramePerInput() {
        var timing = InputTiming()
        timing.read(1, at: Self.at(0))
        timing.read(1, at: Self.at(5))
        timing.answer()
        timing.frameHanded()
        #expect(timing.takeAnswered() == [Self.at(0)])
        timing.answer()
        timing.frameHanded()
        #expect(timing.takeAnswered() == [Self.at(5)])
        #expect(timing.takeAnswered().isEmpty, "an answer is taken once")
    }

    @Test("a frame handed before the input was taken in answers nothing")
    func frameBeforeTheInput() {
        var timing = InputTiming()
        timing.read(1, at: Self.at(0))
        timing.frameHanded()
        #expect(timing.takeAnswered().isEmpty)
        timing.answer()
        timing.frameHanded()
        #expect(timing.takeAnswered() == [Self.at(0)])
    }

    @Test("a frame replaced before it was drawn: the newer frame answers both inputs")
    func coalescedFrames() {
        var timing = InputTiming()
        timing.read(2, at: Self.at(0))
        timing.answer()
        timing.frameHanded()
        timing.answer()
        timing.frameHanded()
        #expect(timing.takeAnswered() == [Self.at(0), Self.at(0)])
    }

    @Test("an answer with no input waiting (an event the application made itself) takes no later input's stamp")
    func answerWithoutInput() {
        var timing = InputTiming()
        timing.answer()
        timing.frameHanded()
        #expect(timing.takeAnswered().isEmpty)
        timing.read(1, at: Self.at(9))
        timing.frameHanded()
        #expect(timing.takeAnswered().isEmpty, "the earlier answer must not carry over to an input read later")
    }

    @Test("inputs never answered are bounded: the oldest are dropped")
    func bounded() {
        var timing = InputTiming()
        timing.read(InputTiming.capacity + 10, at: Self.at(0))
        timing.read(1, at: Self.at(1))
        for _ in 0..<(InputTiming.capacity + 20) { timing.answer() }
        timing.frameHanded()
        let answered = timing.takeAnswered()
        #expect(answered.count == InputTiming.capacity)
        #expect(answered.last == Self.at(1))
    }

    @Test("the log writes one line of milliseconds per answered input; a path that cannot be opened is a clear error")
    func logFile() throws {
        let path = NSTemporaryDirectory() + "input-timing-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = try InputTimingLog(path: path)
        log.record([Self.at(0), Self.at(40)], drawnAt: Self.at(52))
        log.end()
        log.record([Self.at(0)], drawnAt: Self.at(1))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "52.000\n12.000\n")

        let error = #expect(throws: TerminalError.self) { try InputTimingLog(path: "/nonexistent/timing") }
        #expect(error?.description.contains("cannot open CACHESCOPE_INPUT_TIMING=/nonexistent/timing: No such file or directory") == true)
    }
}
