// Bounded per-prefix key counts of every name a walk returns: the exact counts past the index budget.

/// Counts every key name a walk returns into its prefixes (the key's bytes up to and including
/// the `n`-th delimiter, `n` = 1…``depth``, the tree's folders), whether or not the index keeps the
/// key: past the index's budget the index holds a sample, and these counts are what keeps the
/// folders' key counts exact once the walk completes.
///
/// Bounded: at most ``capacity`` prefixes are held. When a new prefix would not fit, the smallest
/// quarter (fewest keys; on a tie deeper first, then the newest) is folded: each folded prefix's count moves to its
/// parent's ``folded(under:)`` total (the root's for a first-level prefix), and its own folded
/// children go with it, so for every held prefix P
///
///     count(P) = direct(P) + Σ count(held children of P) + folded(under: P)
///
/// and for the root, `total = direct([]) + Σ count(first-level prefixes) + folded(under: [])`:
/// totals add up exactly whatever was folded. A prefix that comes back after something under its
/// parent was folded may have lost keys to that fold: it is held again, but ``isExact(_:)`` is
/// false for it (its count is then a lower bound, the rest sits in the parent's folded total).
///
///     var counter = PrefixCounter(delimiter: UInt8(ascii: ":"), depth: 2, capacity: 4096)
///     "user:1".utf8.withContiguousStorageIfAvailable { counter.count(UnsafeRawBufferPointer($0)) }
///     counter.count(of: Array("user:".utf8))  // 1
public struct PrefixCounter: Sendable, Hashable {
    /// The namespace delimiter.
    public let delimiter: UInt8
    /// Deepest prefix level counted (1 = `user:` only).
    public let depth: Int
    /// Most prefixes held at once.
    public let capacity: Int

    struct Entry: Sendable, Hashable {
        var count: Int
        /// Keys with no further delimiter, directly in this folder (below ``depth`` only).
        var direct = 0
        var level: Int
        /// Created before anything under its parent was folded: its count is every key it has.
        var exact: Bool
        /// Order of creation: among equal counts the newest is folded first (older ones are more
        /// likely exact), and folding is the same from run to run.
        var created: Int
    }

    private(set) var entries: [[UInt8]: Entry] = [:]
    /// Parent prefix (`[]`: the root) → keys of its folded children.
    private(set) var foldedKeys: [[UInt8]: Int] = [:]
    /// Names counted, duplicates included.
    public private(set) var total = 0
    /// Keys with no delimiter at all.
    public private(set) var rootDirect = 0
    /// Prefixes folded so far (a prefix folded twice counts twice).
    public private(set) var foldedPrefixes = 0
    /// Prefixes created so far (the next one's ``Entry/created``).
    private var created = 0
    /// Names the walk returned a second time that the caller noticed (``noteDuplicate()``).
    public private(set) var duplicatesSeen = 0

    /// - Parameters:
    ///   - delimiter: the namespace delimiter.
    ///   - depth: prefix levels counted, at least 1.
    ///   - capacity: most prefixes held, at least `4 × depth`.
    public init(delimiter: UInt8 = UInt8(ascii: ":"), depth: Int = 2, capacity: Int = 4096) {
        self.delimiter = delimiter
        self.depth = Swift.max(1, depth)
        self.capacity = Swift.max(4 * self.depth, capacity)
    }

    /// Prefixes held.
    public var heldCount: Int { entries.count }

    /// Counts one key name into each of its prefixes to ``depth``.
    public mutating func count(_ key: UnsafeRawBufferPointer) {
        total += 1
        var prefixes: [[UInt8]] = []
        var start = 0
        while prefixes.count < depth, let cut = key[start...].firstIndex(of: delimiter) {
            prefixes.append(Array(key[0...cut]))
            start = cut + 1
        }
        guard !prefixes.isEmpty else {
            rootDirect += 1
            return
        }
        // Room for this key's new prefixes first, so a fold never drops one of its own.
        if entries.count + prefixes.count > capacity {
            let missing = prefixes.reduce(0) { $0 + (entries[$1] == nil ? 1 : 0) }
            if missing > 0, entries.count + missing > capacity { fold() }
        }
        var parent: [UInt8] = []
        var parentExact = true
        for (n, prefix) in prefixes.enumerated() {
            // One hash lookup a level on the common path (the prefix is held).
            if let i = entries.index(forKey: prefix) {
                entries.values[i].count += 1
                parentExact = entries.values[i].exact
            } else {
                parentExact = parentExact && foldedKeys[parent, default: 0] == 0
                entries[prefix] = Entry(count: 1, level: n + 1, exact: parentExact, created: created)
                created += 1
            }
            parent = prefix
        }
        // No further delimiter below the depth: a key directly in its deepest folder.
        if prefixes.count < depth, let i = entries.index(forKey: parent) { entries.values[i].direct += 1 }
    }

    /// Records that the walk returned a name it had returned before (SCAN does, while the
    /// server's table is rehashing): the counts are then upper bounds.
    public mutating func noteDuplicate() { duplicatesSeen += 1 }

    /// Keys counted under `prefix` when it is held (`[]`: every name counted).
    public func count(of prefix: [UInt8]) -> Int? {
        prefix.isEmpty ? total : entries[prefix]?.count
    }

    /// Whether `prefix` is held and its count is every name under it the walk returned.
    public func isExact(_ prefix: [UInt8]) -> Bool {
        prefix.isEmpty || entries[prefix]?.exact == true
    }

    /// Whether `prefix` is a level the counter counts and holds (the root is always held).
    public func holds(_ prefix: [UInt8]) -> Bool { prefix.isEmpty || entries[prefix] != nil }

    /// Keys of the folded children of `prefix` (`[]`: of folded first-level prefixes): the `other` row.
    public func folded(under prefix: [UInt8]) -> Int { foldedKeys[prefix, default: 0] }

    /// Keys directly in `prefix` (no further delimiter; `[]`: keys with no delimiter).
    public func direct(in prefix: [UInt8]) -> Int { prefix.isEmpty ? rootDirect : entries[prefix]?.direct ?? 0 }

    /// The held prefixes directly under `prefix`, most keys first (then by bytes).
    public func children(of prefix: [UInt8]) -> [(prefix: [UInt8], count: Int)] {
        let level = prefix.isEmpty ? 1 : (entries[prefix]?.level ?? depth) + 1
        return
            entries
            .filter { $0.value.level == level && $0.key.starts(with: prefix) }
            .map { ($0.key, $0.value.count) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.prefix.lexicographicallyPrecedes($1.prefix) }
    }

    /// Folds the smallest quarter of the held prefixes into their parents' folded totals.
    mutating func fold() {
        let victims = entries.sorted { a, b in
            if a.value.count != b.value.count { return a.value.count < b.value.count }
            if a.value.level != b.value.level { return a.value.level > b.value.level }
            return a.value.created > b.value.created
        }
        .prefix(Swift.max(1, entries.count / 4))
        let chosen = Set(victims.map(\.key))
        // A prefix under another chosen one leaves with it: its keys are in that one's count.
        func hasChosenAncestor(_ prefix: [UInt8]) -> Bool {
            var end = 0
            for (i, byte) in prefix.enumerated().dropLast() where byte == delimiter {
                end = i + 1
                if chosen.contains(Array(prefix[0..<end])) { return true }
            }
            return false
        }
        for victim in victims where !hasChosenAncestor(victim.key) {
            foldedKeys[Self.parent(of: victim.key, delimiter: delimiter), default: 0] += victim.value.count
            foldedPrefixes += 1
        }
        for prefix in Array(entries.keys) where chosen.contains(prefix) || hasChosenAncestor(prefix) {
            entries[prefix] = nil
            foldedKeys[prefix] = nil
        }
    }

    /// `user:profile:` → `user:`; `user:` → `[]`.
    static func parent(of prefix: [UInt8], delimiter: UInt8) -> [UInt8] {
        let body = prefix.dropLast()
        guard let cut = body.lastIndex(of: delimiter) else { return [] }
        return Array(prefix[...cut])
    }
}
