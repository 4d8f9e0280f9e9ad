// The generated keyspace of the keys-at-scale benchmark: families of keys with known shares, and its exact counts.

/// A keyspace of `total` keys in families with known shares (`user:profile:`, `session:`, `cart:`,
/// `feed:item:`, `rate:`, `lock:` … and a long tail of 300 small prefixes), each family one of the
/// cache shapes of the 1M keyspace benchmark (strings with and without TTL, hashes, lists, sets,
/// sorted sets). Key `i` belongs to the family of slot `i % 1000`, so the exact count of every
/// prefix is known without asking the server. `small` values (a few bytes, one-field hashes and
/// one-member collections) keep a key at about 120 bytes of Redis 7.0 memory (key names of 7–22
/// bytes, the dict entry, the value object, a third with an expiry entry), for 100M keys on one
/// machine.
struct ScaleKeyspace: Sendable {
    enum Kind: Sendable {
        case hash, string, list, set, zset
    }

    /// One family: `prefix` + (a tail folder) + the key's number.
    struct Family: Sendable {
        var prefix: String
        var perMille: Int
        var kind: Kind
        /// Seconds of TTL (nil: none); long enough that nothing expires during the run.
        var ttl: Int?
        /// Tail families spread their keys over this many folders `prefix000:` … (1: none), by `i / 1000`.
        var folders = 1
    }

    let total: Int
    let small: Bool
    let families: [Family]
    /// Slot `i % 1000` → family index.
    private let slots: [Int]

    init(total: Int, small: Bool) {
        self.total = total
        self.small = small
        let day = 86_400
        families = [
            Family(prefix: "user:profile:", perMille: small ? 100 : 200, kind: .hash, ttl: nil),
            Family(prefix: "user:settings:", perMille: small ? 160 : 60, kind: small ? .string : .hash, ttl: nil),
            Family(prefix: "session:", perMille: 200, kind: .string, ttl: day),
            Family(prefix: "cart:", perMille: small ? 50 : 100, kind: .list, ttl: 2 * day),
            Family(prefix: "feed:item:", perMille: small ? 170 : 120, kind: .string, ttl: nil),
            Family(prefix: "feed:rank:", perMille: small ? 30 : 40, kind: .zset, ttl: nil),
            Family(prefix: "rate:", perMille: small ? 100 : 80, kind: .string, ttl: day),
            Family(prefix: "lock:", perMille: 30, kind: .string, ttl: 3 * day),
            Family(prefix: "tags:", perMille: 40, kind: .set, ttl: nil),
            Family(prefix: "cache:page:", perMille: small ? 90 : 100, kind: .string, ttl: small ? nil : day),
            Family(prefix: "t", perMille: 30, kind: .string, ttl: nil, folders: 300),
        ]
        var slots: [Int] = []
        for (n, family) in families.enumerated() { slots += Array(repeating: n, count: family.perMille) }
        precondition(slots.count == 1000, "family shares must add up to 1000 per mille")
        // Interleaved, so that any stretch of key numbers holds every family in its share.
        self.slots = (0..<1000).map { slots[($0 * 337) % 1000] }
    }

    /// The family of key `i`.
    func family(of i: Int) -> Int { slots[i % 1000] }

    /// Key `i`'s name.
    func key(_ i: Int, into bytes: inout [UInt8]) {
        let family = families[family(of: i)]
        if family.folders > 1 {
            bytes += Self.tailFolder(family.prefix, i / 1000 % family.folders)
        } else {
            bytes.append(contentsOf: family.prefix.utf8)
        }
        RESPStream.appendDecimal(i, to: &bytes)
    }

    /// The exact key count and keys without TTL of every folder (depth 1 and 2), by prefix bytes.
    func exactCounts() -> [[UInt8]: (keys: Int, withoutTTL: Int)] {
        var counts: [[UInt8]: (keys: Int, withoutTTL: Int)] = [:]
        func add(_ prefix: [UInt8], _ keys: Int, _ withoutTTL: Int) {
            let old = counts[prefix] ?? (0, 0)
            counts[prefix] = (old.keys + keys, old.withoutTTL + withoutTTL)
        }
        // How many i < total fall on each slot.
        for slot in 0..<1000 {
            let onSlot = total / 1000 + (slot < total % 1000 ? 1 : 0)
            guard onSlot > 0 else { continue }
            let family = families[slots[slot]]
            if family.folders > 1 {
                // i = slot + 1000·k lands in folder k % folders.
                var perFolder = [Int](repeating: 0, count: family.folders)
                for k in 0..<Swift.min(onSlot, family.folders) { perFolder[k] = (onSlot - k + family.folders - 1) / family.folders }
                for (folder, keys) in perFolder.enumerated() where keys > 0 {
                    let prefix = Self.tailFolder(family.prefix, folder)
                    add(prefix, keys, family.ttl == nil ? keys : 0)
                }
            } else {
                for prefix in Self.folders(of: Array(family.prefix.utf8) + [UInt8(ascii: "0")]) {
                    add(prefix, onSlot, family.ttl == nil ? onSlot : 0)
                }
            }
        }
        return counts
    }

    /// A tail family's folder `prefix` + three digits + `:`.
    static func tailFolder(_ prefix: String, _ folder: Int) -> [UInt8] {
        Array(prefix.utf8) + [UInt8(ascii: "0") + UInt8(folder / 100), UInt8(ascii: "0") + UInt8(folder / 10 % 10), UInt8(ascii: "0") + UInt8(folder % 10), UInt8(ascii: ":")]
    }

    /// The folders a key is under at depth 1 and 2 (`user:`, `user:profile:`), as prefix bytes.
    static func folders(of key: some Collection<UInt8>) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var position = key.startIndex
        while result.count < 2, let colon = key[position...].firstIndex(of: UInt8(ascii: ":")) {
            let end = key.index(after: colon)
            guard end < key.endIndex else { break }  // a key ending in ':' is not under a folder of itself
            result.append(Array(key[key.startIndex..<end]))
            position = end
        }
        return result
    }

    /// Appends the commands that write key `i` (and its TTL) to `stream`. Strings without TTL
    /// gather in `mset` and go out 20 at a time as one `MSET` (less of the server's time per key
    /// for the fill; ``flush(_:to:)`` sends the rest).
    func appendCommands(for i: Int, to stream: inout RESPStream, mset: inout [RESPStream.Argument]) {
        let family = families[family(of: i)]
        var name: [UInt8] = []
        key(i, into: &name)
        switch family.kind {
        case .hash:
            if small {
                stream.command(["HSET", .bytes(name), "n", .number(i % 1000)])
            } else if family.prefix == "user:profile:" {
                stream.command(["HSET", .bytes(name), "name", .text("User \(i)"), "plan", "pro", "visits", .number(i % 10_000)])
            } else {
                stream.command(["HSET", .bytes(name), "theme", "dark", "lang", "en"])
            }
        case .string:
            guard let ttl = family.ttl else {
                if mset.isEmpty { mset.append("MSET") }
                mset += [.bytes(name), .filler(valueLength(i, family))]
                if mset.count > 40 { flush(&mset, to: &stream) }
                return
            }
            stream.command(["SET", .bytes(name), .filler(valueLength(i, family)), "EX", .number(ttl + i % 3600)])
            return
        case .list: stream.command(small ? ["RPUSH", .bytes(name), "s1"] : ["RPUSH", .bytes(name), "sku-1", "sku-2", "sku-3"])
        case .set: stream.command(small ? ["SADD", .bytes(name), "a"] : ["SADD", .bytes(name), "a", "b", "c"])
        case .zset: stream.command(small ? ["ZADD", .bytes(name), "1", "a"] : ["ZADD", .bytes(name), "1", "a", "2", "b", "3", "c"])
        }
        if let ttl = family.ttl { stream.command(["EXPIRE", .bytes(name), .number(ttl + i % 3600)]) }
    }

    /// Sends the strings gathered for `MSET`, if any.
    func flush(_ mset: inout [RESPStream.Argument], to stream: inout RESPStream) {
        guard mset.count > 1 else { return }
        stream.command(mset)
        mset.removeAll(keepingCapacity: true)
    }

    /// A string value's length: small ones a few bytes; otherwise by family, a spread of sizes.
    private func valueLength(_ i: Int, _ family: Family) -> Int {
        if small { return 4 + i % 5 }
        switch family.prefix {
        case "session:": return 60 + i % 40
        case "feed:item:": return 100 + (i &* 7919) % 200
        case "cache:page:": return 200 + (i &* 104_729) % 1800
        case "rate:": return 2
        case "lock:": return 16
        default: return 20 + i % 30
        }
    }

    /// Rough Redis memory this keyspace takes, for refusing a fill the machine cannot hold.
    var roughBytes: Int { total * (small ? 125 : 330) }
}
