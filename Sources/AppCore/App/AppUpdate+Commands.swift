// The `:` command line: each command to the pane or app part it concerns.
import Inspector
import TerminalUI

extension AppUpdate {
    static func runCommand(_ text: String, _ state: inout AppState) -> [AppEffect] {
        let command: AppCommand
        do { command = try AppCommand.parse(text) } catch {
            state.status = StatusMessage(DisplayText(sanitizing: error.description), kind: .error, now: state.now)
            return []
        }
        switch command {
        case .quit: return [.quit]
        case .help: state.overlay = .help(scroll: 0)
        case .dump: return [.dumpScreen]
        case .context(let name):
            guard state.contextNames.contains(name) else {
                let known = state.contextNames.isEmpty ? "the config file names none" : "known: " + state.contextNames.joined(separator: ", ")
                state.status = StatusMessage("no connection named \"\(name)\" (\(known))", kind: .error, now: state.now)
                return []
            }
            return [.switchContext(name)]
        case .doctor: return show(.keys, &state) + inPane(\.keys, &state) { DoctorUpdate.open(&$0, &$1) }
        case .theme(let name): return [.loadTheme(name)]
        case .goto(let time): return ReplayUpdate.goto(time, &state)
        case .record(let start, let path):
            if start { return [.startRecording(path: path)] }
            guard state.recordingPath != nil else {
                state.status = StatusMessage("not recording", kind: .warning, now: state.now)
                return []
            }
            return [.stopRecording]
        case .zset(let key):
            let node = state.currentNode
            return inPane(\.leaderboard, &state) { LeaderboardUpdate.watch(Array(key.utf8), node: node, &$0, &$1) }
        case .subscribe(let names): return inPane(\.pubsub, &state) { PubSubUpdate.subscribe(names, kind: .channel, &$0, &$1) }
        case .psubscribe(let names): return inPane(\.pubsub, &state) { PubSubUpdate.subscribe(names, kind: .pattern, &$0, &$1) }
        case .ssubscribe(let names): return inPane(\.pubsub, &state) { PubSubUpdate.subscribe(names, kind: .shardChannel, &$0, &$1) }
        case .unsubscribe(let names): return inPane(\.pubsub, &state) { PubSubUpdate.unsubscribe(names, &$0, &$1) }
        case .publish(let channel, let message): return inPane(\.pubsub, &state) { PubSubUpdate.publish(channel: channel, message: message, &$0, &$1) }
        case .node(let number):
            guard let number else { return focus(node: nil, &state) }
            guard state.nodes.indices.contains(number - 1) else {
                state.status = StatusMessage("node \(number): there are \(state.nodes.count) nodes", kind: .error, now: state.now)
                return []
            }
            return focus(node: number - 1, &state)
        }
        return []
    }
}
