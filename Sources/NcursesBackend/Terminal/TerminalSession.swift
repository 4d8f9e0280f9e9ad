import CNcursesw
import Dispatch
import Synchronization
import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal thread's side: takes the terminal over, then waits in `poll()` on standard
/// input and the wake pipe, reading keys, drawing frames and handling signals, until told
/// to stop. Every ncurses call in the process happens in here, on that one thread.
final class TerminalSession {
    private let channel: TerminalChannel
    private let keyCodes = KeyCodes()
    private var decoder: KeyDecoder
    private var writer: ScreenWriter?
    private var screen: OpaquePointer?
    private var reportedSize = TerminalSize(width: 0, height: 0)
    /// Where input → frame times go, when `CACHESCOPE_INPUT_TIMING` names a file.
    private var timingLog: InputTimingLog?

    init(channel: TerminalChannel) {
        self.channel = channel
        let codes = keyCodes
        self.decoder = KeyDecoder(keyCodes: { codes.key(for: $0) })
    }

    // MARK: - Taking the terminal over

    /// Puts the terminal in curses mode: locale, raw keys, no echo, keypad, colours,
    /// bracketed paste, signal forwarding.
    func setUp(preference: ColorPreference, environment: [String: String]) throws(TerminalError) -> TerminalSetup {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        if let path = environment[InputTiming.variable], !path.isEmpty {
            timingLog = try InputTimingLog(path: path)
            channel.mailbox.withLock { $0.inputTiming = InputTiming() }
        }
        return try ScreenOwnership.lock.withLock { active throws(TerminalError) -> TerminalSetup in
            guard !active else { throw .alreadyRunning }
            // Saved before ncurses changes the modes, for the crash handler to put back.
            CrashRestore.arm()
            // Before newterm: ncurses installs its own SIGINT/SIGTERM/SIGWINCH handlers only
            // where none is set, so it leaves these alone and uninstall() restores the originals.
            SignalForwarding.install(wakeDescriptor: channel.wake.writeDescriptor)
            setlocale(LC_ALL, "")
            let unicode = cs_locale_is_utf8() != 0
            // newterm, unlike initscr, returns NULL instead of exiting on an unknown TERM.
            guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
                let screen = newterm(nil, output, input)
            else {
                SignalForwarding.uninstall()
                CrashRestore.disarm()
                let term = environment["TERM"] ?? "(unset)"
                throw .initializationFailed("ncurses does not know the terminal type TERM=\(term)")
            }
            self.screen = screen
            let window = cs_stdscr()
            // raw, not cbreak: Ctrl-C arrives as a key and the application decides to quit.
            raw()
            noecho()
            nonl()
            keypad(window, true)
            // Never block inside ncurses: poll() decides when input is there.
            nodelay(window, true)
            leaveok(window, true)
            curs_set(0)
            // A lone Esc is told apart from an escape sequence after 25 ms, not a second.
            set_escdelay(25)

            var colorSupport = ColorSupport.none
            var colors = 0
            if ColorDetection.wantsColor(preference: preference, environment: environment), has_colors() {
                start_color()
                use_default_colors()
                colors = Int(cs_colors())
                colorSupport = ColorDetection.support(
                    preference: preference, environment: environment, hasColors: true, colors: colors)
            }
            writer = ScreenWriter(
                unicode: unicode, colorEnabled: colorSupport != .none,
                colors: colors, colorPairs: cs_color_pairs())

            ScreenOwnership.registerExitHook()

            // The first refresh sends the alternate-screen switch; bracketed paste after it.
            werase(window)
            wrefresh(window)
            ScreenOwnership.writeToTerminal(ScreenOwnership.bracketedPasteOn)

            active = true
            let size = currentSize()
            reportedSize = size
            channel.mailbox.withLock {
                $0.size = size
                $0.threadID = pthread_self()
            }
            return TerminalSetup(colorSupport: colorSupport, unicode: unicode, size: size)
        }
    }

    // MARK: - The loop

    /// Waits for input, frames and signals until stopped. Uses no CPU while nothing happens.
    func run() {
        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: channel.wake.readDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let ready = poll(&fds, nfds_t(fds.count), -1)
            let woke = ContinuousClock.now
            if ready < 0 {
                if errno == EINTR { continue }
                finish(signal: SIGHUP)
                return
            }
            let signals = fds[1].revents != 0 ? channel.wake.drain() : []
            if let signo = signals.first(where: SignalForwarding.terminating.contains) {
                finish(signal: signo)
                return
            }
            let inputEvents = fds[0].revents
            if inputEvents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0, inputEvents & Int16(POLLIN) == 0 {
                // The terminal went away (window closed): nobody is left to read the screen.
                finish(signal: SIGHUP)
                return
            }
            let (frame, answered, stop) = channel.mailbox.withLock { box in
                box.wakePending = false
                defer { box.pendingFrame = nil }
                return (box.pendingFrame, box.inputTiming?.takeAnswered() ?? [], box.stopRequested)
            }
            if stop {
                finish(signal: nil)
                return
            }
            let resized = signals.contains(SIGWINCH)
            ScreenOwnership.lock.withLock { _ in
                if resized { windowChanged(readAt: woke) }
                if resized || inputEvents & Int16(POLLIN) != 0 { readInput(readAt: woke) }
                if let frame { writer?.draw(frame) }
            }
            timingLog?.record(answered, drawnAt: .now)
        }
    }

    // MARK: - Input

    /// Reads everything waiting (get_wch never blocks here: nodelay) and sends the events,
    /// stamped with `readAt` (when `poll` saw them) for input timing.
    private func readInput(readAt: ContinuousClock.Instant) {
        var events: [TerminalEvent] = []
        var character: wint_t = 0
        while true {
            let result = wget_wch(cs_stdscr(), &character)
            if result == ERR { break }
            if result == cs_key_code_yes() {
                let code = Int32(bitPattern: character)
                if code == keyCodes.resize {
                    if let event = sizeChanged() { events.append(event) }
                    continue
                }
                events += decoder.feed(.keyCode(code))
            } else {
                events += decoder.feed(.character(character))
            }
        }
        events += decoder.flush()
        hand(events, readAt: readAt)
    }

    /// Sends `events` to the application, stamped first for input timing (the application
    /// answers none it has not got).
    private func hand(_ events: [TerminalEvent], readAt: ContinuousClock.Instant) {
        guard !events.isEmpty else { return }
        if timingLog != nil { channel.mailbox.withLock { $0.inputTiming?.read(events.count, at: readAt) } }
        for event in events { channel.continuation.yield(event) }
    }

    // MARK: - Resizing

    /// SIGWINCH: tell ncurses the new size (it queues a KEY_RESIZE, read as a no-op later).
    private func windowChanged(readAt: ContinuousClock.Instant) {
        var rows: Int32 = 0
        var cols: Int32 = 0
        if cs_terminal_size(STDOUT_FILENO, &rows, &cols) == 0, rows > 0, cols > 0 {
            var currentRows: Int32 = 0
            var currentCols: Int32 = 0
            cs_screen_size(&currentRows, &currentCols)
            if rows != currentRows || cols != currentCols { resizeterm(rows, cols) }
        }
        // Whatever the terminal did to the screen, the next frame is drawn in full.
        writer?.invalidate()
        if let event = sizeChanged() { hand([event], readAt: readAt) }
    }

    /// A resize event when the screen's size differs from the one last reported.
    private func sizeChanged() -> TerminalEvent? {
        let size = currentSize()
        guard size != reportedSize else { return nil }
        reportedSize = size
        writer?.invalidate()
        channel.mailbox.withLock { $0.size = size }
        return .resize(width: size.width, height: size.height)
    }

    private func currentSize() -> TerminalSize {
        var rows: Int32 = 0
        var cols: Int32 = 0
        cs_screen_size(&rows, &cols)
        return TerminalSize(width: Int(cols), height: Int(rows))
    }

    // MARK: - Leaving

    /// Restores the terminal; for a terminating signal calls the application's hook, or exits
    /// with 128 + signal; then ends the event stream and releases waiters in `stop()`.
    private func finish(signal: Int32?) {
        ScreenOwnership.lock.withLock { active in
            if active {
                ScreenOwnership.restoreTerminal()
                if let screen { delscreen(screen) }
                screen = nil
                active = false
            }
        }
        SignalForwarding.uninstall()
        CrashRestore.disarm()
        timingLog?.end()
        let handler = channel.mailbox.withLock { box in
            box.finished = true
            return box.signalHandler
        }
        if let signal {
            // Exit before the event stream ends: otherwise the application's event loop
            // would end first and the process might exit 0, as if the user had quit.
            guard let handler else { exit(128 + signal) }
            handler(signal)
        }
        channel.wake.close()
        channel.continuation.finish()
        channel.finished.leave()
    }
}
