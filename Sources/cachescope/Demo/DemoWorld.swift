import Foundation
import RedisClient

/// The cache world of the seed article, written into the demo's private server: cache-aside
/// `user:{id}` JSON with TTLs, `user:{id}` hashes (some caching whole rows, password hash
/// included), `session:*`, `recent_searches:*` lists, `product:views:{date}` sets,
/// `leaderboard:*` sorted sets, `product:{id}` and `order:{id}` entries, a `config` key without
/// TTL, and a few stampede locks — the patterns and anti-patterns operators meet.
enum DemoWorld {
    static let userCount = 3000
    static let hashUserRange = 3001...4000
    static let productCount = 800
    static let players = 60

    /// Fills the server; returns the number of keys written.
    @discardableResult
    static func fill(_ connection: any DemoPipeline) async throws -> Int {
        var random = SystemRandomNumberGenerator()
        var batch: [RedisCommand] = []
        var written = 0
        func flush() async throws {
            guard !batch.isEmpty else { return }
            _ = try await connection.pipeline(batch)
            batch.removeAll(keepingCapacity: true)
        }
        func add(_ command: RedisCommand) async throws {
            batch.append(command)
            if batch.count >= 500 { try await flush() }
        }
        // Cache-aside user entries: TTL 1h with jitter, a summary beside some.
        for id in 1...userCount {
            try await add(RedisCommand("SET", "user:\(id)", userJSON(id), "EX", 3000 + Int.random(in: 0...1200, using: &random)))
            if id % 3 == 0 { try await add(RedisCommand("SETEX", "user:\(id):summary", 3600, "{\"id\":\(id),\"name\":\"\(name(id))\"}")) }
            written += id % 3 == 0 ? 2 : 1
        }
        // User hashes; one in five caches the whole row, password hash included (an anti-pattern).
        for id in hashUserRange {
            var fields: [String] = ["name", name(id), "email", "\(name(id).lowercased().replacingOccurrences(of: " ", with: "."))@example.com", "created_at", "2024-01-\(10 + id % 18)"]
            if id % 5 == 0 { fields += ["password_hash", "$2b$12$" + String(repeating: "x", count: 53), "api_key", "sk_live_demo_\(id)"] }
            try await add(RedisCommand("HSET", arguments: ["user:\(id)"] + fields))
            if id % 2 == 0 { try await add(RedisCommand("EXPIRE", "user:\(id)", 7200)) }
            written += 1
        }
        // Sessions, all with TTL.
        for i in 0..<2000 {
            let token = String(format: "%08x%08x", UInt32.random(in: 0...UInt32.max, using: &random), i)
            try await add(RedisCommand("SETEX", "session:\(token)", 600 + Int.random(in: 0...3000, using: &random), "{\"user_id\":\(1 + i % userCount)}"))
            written += 1
        }
        // Recent searches, kept to 10.
        let terms = ["shoes", "socks", "jacket", "umbrella", "laptop", "headphones", "coffee", "tea", "backpack", "lamp"]
        for id in 1...400 {
            let picked = (0..<Int.random(in: 3...10, using: &random)).map { _ in terms.randomElement(using: &random)! }
            try await add(RedisCommand("LPUSH", arguments: ["recent_searches:user\(id)"] + picked))
            try await add(RedisCommand("LTRIM", "recent_searches:user\(id)", 0, 9))
            written += 1
        }
        // Product views per day, as sets.
        for day in 10...16 {
            let members = (0..<300).map { _ in "product\(Int.random(in: 1...productCount, using: &random))" }
            try await add(RedisCommand("SADD", arguments: ["product:views:2024-01-\(day)"] + members))
            written += 1
        }
        // Product entries (5 minutes, like the article's product_list TTL), list caches.
        for id in 1...productCount {
            try await add(RedisCommand("SETEX", "product:\(id)", 300, productJSON(id)))
            written += 1
        }
        for page in 1...20 {
            try await add(RedisCommand("SETEX", "products:list:\(page)", 300, "[\((1...20).map { String(($0 + page * 20) % productCount + 1) }.joined(separator: ","))]"))
            written += 1
        }
        // Leaderboards.
        let board = (1...players).flatMap { [String(Int.random(in: 10...1000, using: &random)), "player\($0)"] }
        try await add(RedisCommand("ZADD", arguments: ["leaderboard:score"] + board))
        try await add(RedisCommand("ZADD", arguments: ["leaderboard:weekly"] + board.enumerated().map { $0.offset % 2 == 0 ? String(Int($0.element)! / 3) : $0.element }))
        written += 2
        // Orders (write-through), the config key without TTL, analytics, locks.
        for id in 1...500 {
            try await add(RedisCommand("SETEX", "order:\(1000 + id)", 3600, "{\"id\":\(1000 + id),\"user_id\":\(1 + id % userCount),\"total\":\(Double(id % 97) + 0.99)}"))
            written += 1
        }
        try await add(RedisCommand("SET", "config", "{\"feature_flags\":{\"new_checkout\":true},\"cache_ttl\":{\"user_profile\":3600,\"product_list\":300,\"config\":86400,\"analytics\":60}}"))
        for i in 1...30 { try await add(RedisCommand("SETEX", "analytics:pageviews:\(i)", 60, String(Int.random(in: 100...9000, using: &random)))) }
        try await add(RedisCommand("SET", "user:123:lock", "1"))  // a stampede lock left without TTL
        try await add(RedisCommand("SET", "product:42:lock", "1", "EX", 5))
        written += 34
        try await flush()
        return written
    }

    static func name(_ id: Int) -> String {
        let first = ["John", "Alice", "Bob", "Maria", "Wei", "Priya", "Omar", "Lena", "Kenji", "Sofia"]
        let last = ["Doe", "Smith", "Garcia", "Chen", "Patel", "Khan", "Müller", "Tanaka", "Rossi", "Novak"]
        return "\(first[id % first.count]) \(last[(id / first.count) % last.count])"
    }

    static func userJSON(_ id: Int) -> String {
        "{\"id\":\(id),\"name\":\"\(name(id))\",\"email\":\"user\(id)@example.com\",\"created_at\":\"2024-01-15\",\"plan\":\"\(id % 7 == 0 ? "pro" : "free")\"}"
    }

    static func productJSON(_ id: Int) -> String {
        "{\"id\":\(id),\"name\":\"Product \(id)\",\"price\":\(Double(id % 200) + 0.99),\"category\":\"cat\(id % 12)\",\"stock\":\(id * 7 % 130)}"
    }
}
