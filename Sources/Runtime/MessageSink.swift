// The one way results get back to the loop.
import AppCore

/// Sends messages to the app loop from any task: every runtime part reports through one of these.
struct MessageSink: Sendable {
    let continuation: AsyncStream<AppMessage>.Continuation

    /// Queues `message` for the loop.
    func send(_ message: AppMessage) {
        continuation.yield(message)
    }
}

/// Why a load failed, as the loop shows it: the error's own words.
extension LoadError {
    init(describing error: any Error) {
        self.init("\(error)")
    }
}
