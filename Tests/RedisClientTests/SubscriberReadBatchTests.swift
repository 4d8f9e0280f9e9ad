import NIOCore
import Testing

@testable import RedisClient

@Suite("Subscriber read batch: counts every message, keeps the newest")
struct SubscriberReadBatchTests {
    static func message(_ channel: String, _ payload: String) -> PubSubMessage {
        PubSubMessage(kind: .channel, channel: ByteBuffer(string: channel), pattern: nil, payload: ByteBuffer(string: payload), receivedAt: 0)
    }

    @Test("runs of one channel and switches between channels are all counted per channel")
    func channelCounts() {
        let inbox = PubSubInbox(capacity: 100)
        var batch = SubscriberReadBatch(keep: inbox.capacity)
        for (i, channel) in ["a", "a", "b", "a", "b", "b", "b", "c"].enumerated() { batch.record(Self.message(channel, "\(i)")) }
        batch.deposit(into: inbox)
        // A second read continuing the last channel's run.
        batch.record(Self.message("c", "8"))
        batch.deposit(into: inbox)
        let drained = inbox.drain()
        #expect(drained.received == 9)
        #expect(drained.channelCounts == [ByteBuffer(string: "a"): 3, ByteBuffer(string: "b"): 4, ByteBuffer(string: "c"): 2])
        #expect(drained.messages.map { String(buffer: $0.payload) } == (0..<9).map(String.init))
    }

    @Test("a read larger than the capacity keeps only the newest, counts them all, and leaves the batch empty")
    func keepsNewest() {
        let inbox = PubSubInbox(capacity: 10)
        var batch = SubscriberReadBatch(keep: inbox.capacity)
        for i in 0..<35 { batch.record(Self.message("x", "\(i)")) }
        #expect(batch.messages.count < 20)
        batch.deposit(into: inbox)
        #expect(batch.messages.isEmpty && batch.received == 0 && batch.channelCounts.isEmpty)
        let drained = inbox.drain()
        #expect(drained.received == 35)
        #expect(drained.messages.map { String(buffer: $0.payload) } == (25..<35).map(String.init))
        #expect(drained.channelCounts == [ByteBuffer(string: "x"): 35])
        #expect(inbox.totalReceived == 35)
    }
}
