import Foundation
import RedisClient

/// Live traffic for the demo, in-process: cache-aside reads whose hit ratio drifts across the
/// 80% line over a few minutes, writes, leaderboard increments, invalidations published on
/// `cache:invalidate`, and short-lived keys expiring. A few hundred commands a second.
struct DemoTraffic: Sendable {
    let connection: any DemoPipeline
    /// Seconds for one swing of the hit ratio (high → below 80% → high).
    var period: Double = 180

    /// Two "application servers" listening for invalidations, as the services using the cache
    /// would: the Pub/Sub pane lists `cache:invalidate` with its subscribers before anything is
    /// subscribed there. They keep only the newest few messages.
    static func invalidationListeners(_ options: ConnectionOptions) async -> [SubscriberConnection] {
        var listeners: [SubscriberConnection] = []
        for number in 1...2 {
            var named = options
            named.clientName = "demo-app-\(number)"
            let listener = SubscriberConnection(options: named, inbox: PubSubInbox(capacity: 16))
            await listener.subscribe([Array("cache:invalidate".utf8)], kind: .channel)
            listeners.append(listener)
        }
        return listeners
    }

    /// Runs until cancelled.
    func run() async {
        var random = SystemRandomNumberGenerator()
        let start = Date()
        var tick = 0
        while !Task.isCancelled {
            tick += 1
            let t = Date().timeIntervalSince(start)
            // Share of reads that miss: swings between 4% and 30% (hit ratio 96% … 70%).
            let missShare = 0.04 + 0.26 * (0.5 - 0.5 * cos(2 * Double.pi * t / period))
            var batch: [RedisCommand] = []
            for _ in 0..<20 {
                if Double.random(in: 0..<1, using: &random) < missShare {
                    // A miss on a cold id, then the cache-aside fill with a short TTL.
                    let id = Int.random(in: 100_000...999_999, using: &random)
                    batch.append(RedisCommand("GET", "user:\(id)"))
                    batch.append(RedisCommand("SET", "user:\(id)", DemoWorld.userJSON(id), "EX", Int.random(in: 20...90, using: &random)))
                } else {
                    batch.append(RedisCommand("GET", "user:\(Int.random(in: 1...DemoWorld.userCount, using: &random))"))
                }
            }
            batch.append(RedisCommand("ZINCRBY", "leaderboard:score", Int.random(in: 1...25, using: &random), "player\(Int.random(in: 1...DemoWorld.players, using: &random))"))
            batch.append(RedisCommand("HGET", "user:\(Int.random(in: DemoWorld.hashUserRange, using: &random))", "name"))
            batch.append(RedisCommand("LRANGE", "recent_searches:user\(Int.random(in: 1...400, using: &random))", 0, 9))
            if tick % 5 == 0 {
                let order = Int.random(in: 1501...9999, using: &random)
                batch.append(RedisCommand("SETEX", "order:\(order)", 3600, "{\"id\":\(order),\"total\":\(Double(order % 300) + 0.5)}"))
            }
            if tick % 10 == 0 {
                // Invalidate a user the way the article does: delete, then tell the others.
                let id = Int.random(in: 1...DemoWorld.userCount, using: &random)
                batch.append(RedisCommand("DEL", "user:\(id)"))
                batch.append(RedisCommand("PUBLISH", "cache:invalidate", "{\"key\":\"user:\(id)\",\"pattern\":\"user:\(id):*\"}"))
                batch.append(RedisCommand("SET", "user:\(id)", DemoWorld.userJSON(id), "EX", 3600))
            }
            if tick % 20 == 0 {
                batch.append(RedisCommand("SETEX", "analytics:pageviews:live\(tick % 50)", 5, String(tick)))
                batch.append(RedisCommand("PUBLISH", "cache:invalidate", "{\"type\":\"product\",\"id\":\(Int.random(in: 1...DemoWorld.productCount, using: &random))}"))
            }
            _ = try? await connection.pipeline(batch)
            try? await Task.sleep(for: .milliseconds(100))
        }
    }
}
