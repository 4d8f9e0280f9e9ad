import RESP
import RedisClient

/// Sends the doctor's sampling commands in small pipelines under a commands-per-second ceiling (a
/// ``TokenBucket``), so a diagnosis adds a known, small load. Counts what it sent.
struct DoctorPacer {
    let connection: any RedisPipelining
    let batchSize: Int
    private var bucket: TokenBucket
    private(set) var commandsSent = 0

    init(connection: any RedisPipelining, rate: Double, batchSize: Int) {
        self.connection = connection
        self.batchSize = max(1, batchSize)
        self.bucket = TokenBucket(rate: max(1, rate), burst: Double(max(1, batchSize)))
    }

    /// Sends `commands` in batches of `batchSize`, waiting for the bucket before each; replies in
    /// order, error replies in place.
    /// - Throws: `CancellationError` or a transport error.
    mutating func send(_ commands: [RedisCommand]) async throws -> [RESPValue] {
        var replies: [RESPValue] = []
        replies.reserveCapacity(commands.count)
        var start = 0
        while start < commands.count {
            let end = min(start + batchSize, commands.count)
            let wait = bucket.take(end - start, now: MonotonicClock.now())
            if wait > 0 { try await Task.sleep(for: .milliseconds(Int64(wait * 1000) + 1)) }
            try Task.checkCancellation()
            replies += try await connection.pipeline(Array(commands[start..<end]))
            commandsSent += end - start
            start = end
        }
        return replies
    }

    /// Waits for `count` commands' worth of the bucket and counts them, for a sample that sends
    /// its own pipelines (``FieldTTLSurvey``).
    /// - Throws: `CancellationError`.
    mutating func reserve(_ count: Int) async throws {
        let wait = bucket.take(count, now: MonotonicClock.now())
        if wait > 0 { try await Task.sleep(for: .milliseconds(Int64(wait * 1000) + 1)) }
        try Task.checkCancellation()
        commandsSent += count
    }
}
