/// The deleted keys' contents kept for undo, newest delete on top, within a byte budget.
///
/// Pushing a delete drops the OLDEST deletes until the total fits, so the newest delete is always
/// undoable as far as it fits the budget on its own.
struct UndoStack: Sendable {
    /// One deleted key: its `DUMP` payload and the `PTTL` it had.
    struct Entry: Sendable, Hashable {
        let key: [UInt8]
        let dump: [UInt8]
        /// `PTTL` at deletion: -1 no TTL, else milliseconds left.
        let pttl: Int64
    }

    /// What undoing a batch does.
    enum Kind: Sendable, Hashable {
        /// `RESTORE` deleted keys from their `DUMP`.
        case restore
        /// `PERSIST` keys that were given a TTL (entries carry no dump).
        case persist
        /// Put back a hash field's TTL (the entry's `pttl`, -1 for none) and, if it is gone, its value (the entry's `dump`).
        case fieldTTL(field: [UInt8])
    }

    /// One delete (single key or batch), one added-TTL change or one field TTL change, with the monotonic time it happened.
    struct Batch: Sendable {
        var entries: [Entry]
        let deletedAt: Double
        var kind: Kind = .restore
        var bytes: Int {
            let field = if case .fieldTTL(let field) = kind { field.count } else { 0 }
            return entries.reduce(field) { $0 + $1.dump.count + $1.key.count }
        }
    }

    let budget: Int
    private(set) var batches: [Batch] = []
    private(set) var bytes = 0

    init(budget: Int) { self.budget = budget }

    /// Adds a delete, dropping older ones to stay within the budget. Empty batches are not kept.
    mutating func push(_ batch: Batch) {
        guard !batch.entries.isEmpty else { return }
        batches.append(batch)
        bytes += batch.bytes
        while bytes > budget, batches.count > 1 {
            bytes -= batches.removeFirst().bytes
        }
    }

    /// Takes the newest delete off the stack.
    mutating func pop() -> Batch? {
        guard let batch = batches.popLast() else { return nil }
        bytes -= batch.bytes
        return batch
    }
}
