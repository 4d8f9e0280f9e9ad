import NIOCore

/// What a ``SubscriberChannelHandler`` gathers between two deposits into the inbox: every message
/// counted, the newest few kept, counts per channel.
///
/// A value, not the handler's own properties, for speed: the handler takes it into a local for the
/// length of a socket read, so the per-message work touches no class property (each touch of one
/// is a dynamic exclusivity check, which cost as much as parsing the frame).
struct SubscriberReadBatch {
    /// The most messages kept (the inbox's capacity).
    let keep: Int
    /// Messages of the current read, newest last; trimmed to the newest `keep` now and then.
    var messages: [PubSubMessage] = []
    var received = 0
    var channelCounts: [ByteBuffer: Int] = [:]
    /// Counting runs of the same channel costs a byte comparison instead of a hash per message.
    private var lastChannel: ByteBuffer?
    private var lastRun = 0

    init(keep: Int) {
        self.keep = keep
    }

    /// Counts a message and keeps it among the newest.
    mutating func record(_ message: PubSubMessage) {
        received += 1
        if let last = lastChannel, last == message.channel {
            lastRun += 1
        } else {
            flushRun()
            lastChannel = message.channel
            lastRun = 1
        }
        messages.append(message)
        if messages.count >= 2 * keep { messages.removeFirst(messages.count - keep) }
    }

    /// Adds the current run of one channel to the per-channel counts and forgets the channel
    /// (so no slice of a read buffer outlives the read).
    mutating func endRun() {
        flushRun()
        lastChannel = nil
    }

    private mutating func flushRun() {
        guard let last = lastChannel, lastRun > 0 else { return }
        if let index = channelCounts.index(forKey: last) {
            channelCounts.values[index] += lastRun
        } else {
            // An owned copy as the key: a slice would keep the whole read buffer alive.
            var owned = ByteBufferAllocator().buffer(capacity: last.readableBytes)
            owned.writeImmutableBuffer(last)
            channelCounts[owned] = lastRun
        }
        lastRun = 0
    }

    /// Hands everything counted to `inbox` (keeping the arrays' storage for the next read).
    mutating func deposit(into inbox: PubSubInbox) {
        endRun()
        guard received > 0 else { return }
        if messages.count > keep { messages.removeFirst(messages.count - keep) }
        inbox.deposit(messages: &messages, received: received, channelCounts: &channelCounts)
        received = 0
    }
}
