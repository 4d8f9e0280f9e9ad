// Effects that touch only this machine: loading a theme, writing a screen dump.
import AppCore
import Foundation
import Inspector
import TerminalUI

/// Loads themes and writes screen dumps off the loop.
struct LocalWork {
    let scope: TaskScope
    let sink: MessageSink
    /// Where `:dump` writes its files.
    let dumpDirectory: String

    /// Loads a bundled theme by name, or a theme file by path.
    func loadTheme(_ name: String) {
        let sink = self.sink
        scope.spawn {
            let result = Result { () throws(ThemeLoadError) -> LoadedTheme in try ThemeLoader.load(nameOrPath: name) }
            sink.send(.themeLoaded(name: name, result: result))
        }
    }

    /// Writes the screen as text and the nodes' figures as JSON; in Sentinel mode the session's
    /// failover timeline follows the screen, and joins the JSON as `sentinel_timeline`.
    func dump(screen: String, report: HealthReport, timeline: FailoverTimeline? = nil) {
        let sink = self.sink
        let directory = dumpDirectory
        scope.spawn {
            var text = screen
            var figures = report.json()
            if let timeline {
                text += "\n\n" + timeline.text()
                if figures.hasPrefix("{") { figures = "{\"sentinel_timeline\":\(timeline.json())," + figures.dropFirst() }
            }
            sink.send(.dumpFinished(ScreenDump.write(screen: text, figures: figures, to: directory, at: Date())))
        }
    }
}
