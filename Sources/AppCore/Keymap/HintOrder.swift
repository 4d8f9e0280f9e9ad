import TerminalUI

/// What each pane's hint bar shows first: the three keys a newcomer needs most there, then
/// `?` for the rest, so that an 80-column bar always has them whatever else it drops.
enum HintOrder {
    static func first(for state: AppState) -> [AppAction] {
        let top: [AppAction]
        if state.replay != nil {
            return [.replayPause, .replayStepBack, .replayStepForward, .replaySlower, .replayFaster, .replayNextAlert, .help, .command, .replayStart, .replayEnd, .replayRecorded]
        }
        switch state.pane {
        case .overview: top = [.open, .columnsRight, .command]
        case .keys: top = [.filter, .open, .doctor]
        case .leaderboard where state.leaderboard.active == nil: top = [.open, .command, .paneKeys]
        case .leaderboard: top = [.findMember, .reverseOrder, .nextWatched]
        case .pubsub: top = [.pause, .filter, .keyEvents]
        case .server: top = [.nextSection, .filter, .sortColumn]
        }
        return top + [.help]
    }
}
