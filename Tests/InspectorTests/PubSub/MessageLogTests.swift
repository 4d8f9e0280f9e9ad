import NIOCore
import RedisClient
import Testing

@testable import Inspector

@Suite("Message log: counts, payload cut, rates, channel limit, filter")
struct MessageLogTests {
    static func message(_ channel: String, _ payload: String, pattern: String? = nil, at time: Int64 = 0) -> PubSubMessage {
        PubSubMessage(
            kind: pattern == nil ? .channel : .pattern, channel: ByteBuffer(string: channel),
            pattern: pattern.map { ByteBuffer(string: $0) }, payload: ByteBuffer(string: payload), receivedAt: time)
    }

    @Test("a big batch is counted in full and only its newest are copied")
    func bigBatch() {
        var log = MessageLog(capacity: 3)
        let batch = PubSubBatch(
            messages: (0..<10).map { Self.message("c", "p\($0)") }, received: 50,
            channelCounts: [ByteBuffer(string: "c"): 50])
        log.ingest(batch, now: 1)
        #expect(log.totalCounted == 50)
        #expect(log.entries.count == 3)
        #expect(log.notKept == 47)
        #expect(log.appendedCount == 3)
        #expect(log.channelCounts[Array("c".utf8)] == 50)
    }

    @Test("payloads are cut at 64 KiB with the real length kept")
    func payloadCut() {
        var log = MessageLog(capacity: 2)
        let big = String(repeating: "x", count: 100_000)
        log.ingest(PubSubBatch(messages: [Self.message("c", big)], received: 1), now: 0)
        guard case .message(let m) = log.entries[0] else {
            Issue.record("no message")
            return
        }
        #expect(m.payload.count == MessageLog.maxPayloadBytes)
        #expect(m.payloadLength == 100_000)
        #expect(m.isTruncated)
    }

    @Test("the rate series has one value per second, zeros for silent seconds")
    func rates() {
        var log = MessageLog(capacity: 10)
        log.ingest(PubSubBatch(received: 5), now: 10.1)
        log.ingest(PubSubBatch(received: 7), now: 10.6)
        log.ingest(PubSubBatch(received: 3), now: 11.2)
        log.tick(now: 14.0)
        #expect(Array(log.rates) == [12, 3, 0, 0])
        #expect(log.currentRate == 0)
    }

    @Test("channels beyond the tracked limit are summed as others")
    func channelLimit() {
        var log = MessageLog(capacity: 10)
        var counts: [ByteBuffer: Int] = [:]
        for i in 0..<(MessageLog.maxTrackedChannels + 10) { counts[ByteBuffer(string: "ch\(i)")] = 1 }
        log.ingest(PubSubBatch(received: counts.count, channelCounts: counts), now: 0)
        #expect(log.channelCounts.count == MessageLog.maxTrackedChannels)
        #expect(log.otherChannelsCount == 10)
    }

    @Test("the filter matches channel, pattern or payload without case; gaps always pass")
    func filter() {
        let entry = MessageLogEntry.message(LoggedMessage(Self.message("orders.EU", "{\"id\":42}", pattern: "orders.*")))
        #expect(MessageFilter("eu").matches(entry))
        #expect(MessageFilter("\"ID\"").matches(entry))
        #expect(MessageFilter("orders.*").matches(entry))
        #expect(!MessageFilter("news").matches(entry))
        #expect(MessageFilter("").matches(entry))
        #expect(MessageFilter("news").matches(.gap(DeliveryGap(from: 1, to: 2, reason: "x"), source: "n")))
    }
}
