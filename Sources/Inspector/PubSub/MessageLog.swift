import RedisClient

/// The Pub/Sub pane's memory: the newest messages in a bounded ring, every message counted, counts
/// per channel and a per-second rate series.
///
/// Memory is bounded by `capacity` entries of at most ``maxPayloadBytes`` each, plus at most
/// ``maxTrackedChannels`` channel counters: a flood of a million messages a second costs no more
/// than a quiet channel, the log simply shows the newest.
public struct MessageLog: Sendable {
    /// The most bytes of one payload kept (the real length is kept too).
    public static let maxPayloadBytes = 64 * 1024
    /// The most channels counted one by one; the rest are summed in ``otherChannelsCount``.
    public static let maxTrackedChannels = 1024
    /// Seconds of rate history kept.
    public static let rateHistory = 120

    /// The newest entries, oldest first.
    public private(set) var entries: RingBuffer<MessageLogEntry>
    /// Every message received (shown or not).
    public private(set) var totalCounted = 0
    /// Messages received that never made it into the ring (a flood between two drains).
    public private(set) var notKept = 0
    /// Messages per channel.
    public private(set) var channelCounts: [[UInt8]: Int] = [:]
    /// Messages to channels beyond ``maxTrackedChannels``.
    public private(set) var otherChannelsCount = 0
    /// Messages per second, one value per whole second, oldest first (for a sparkline).
    public private(set) var rates: RingBuffer<Double>
    /// Every entry ever appended gets the next number: selection and pause follow these.
    public private(set) var appendedCount = 0
    private var second: Int?
    private var countThisSecond = 0

    /// Creates a log holding the newest `capacity` entries (the config's `message_log_capacity`).
    public init(capacity: Int = 10_000) {
        entries = RingBuffer(capacity: max(1, capacity))
        rates = RingBuffer(capacity: Self.rateHistory)
    }

    /// How many entries the ring holds at most.
    public var capacity: Int { entries.capacity }

    /// The number of the oldest entry still in the ring (`appendedCount - entries.count`).
    public var firstNumber: Int { appendedCount - entries.count }

    /// Adds what a subscriber received: keeps its messages, counts everything.
    /// - Parameter now: monotonic seconds, for the rate series.
    public mutating func ingest(_ batch: ReceivedMessages, now: Double) {
        tick(now: now)
        totalCounted += batch.received
        countThisSecond += batch.received
        notKept += batch.received - batch.messages.count
        let keep = batch.messages.suffix(entries.capacity)
        notKept += batch.messages.count - keep.count
        for message in keep { append(.message(message)) }
        for (channel, count) in batch.channelCounts {
            if let index = channelCounts.index(forKey: channel) {
                channelCounts.values[index] += count
            } else if channelCounts.count < Self.maxTrackedChannels {
                channelCounts[channel] = count
            } else {
                otherChannelsCount += count
            }
        }
    }

    /// Adds a client batch as drained, copying only what the ring can keep.
    public mutating func ingest(_ batch: PubSubBatch, now: Double) {
        ingest(ReceivedMessages(batch, keepingNewest: entries.capacity), now: now)
    }

    /// Records a gap of `source` (shown as its own row).
    public mutating func recordGap(_ gap: DeliveryGap, source: String) {
        append(.gap(gap, source: source))
    }

    /// Moves the rate series to `now` (call on ticks so a silent channel shows zeros).
    public mutating func tick(now: Double) {
        let current = Int(now.rounded(.down))
        guard let previous = second else {
            second = current
            return
        }
        guard current > previous else { return }
        rates.append(Double(countThisSecond))
        // Seconds with no batch at all were silent.
        for _ in 0..<min(current - previous - 1, Self.rateHistory) { rates.append(0) }
        countThisSecond = 0
        second = current
    }

    /// The last complete second's rate.
    public var currentRate: Double { rates.newest ?? 0 }

    /// Forgets every entry and count.
    public mutating func clear() {
        entries.removeAll()
        totalCounted = 0
        notKept = 0
        channelCounts = [:]
        otherChannelsCount = 0
        appendedCount = 0
    }

    /// Channels by count, busiest first.
    public func busiestChannels(_ limit: Int) -> [(channel: [UInt8], count: Int)] {
        channelCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.lexicographicallyPrecedes($1.key) }
            .prefix(limit).map { (channel: $0.key, count: $0.value) }
    }

    private mutating func append(_ entry: MessageLogEntry) {
        entries.append(entry)
        appendedCount += 1
    }
}
