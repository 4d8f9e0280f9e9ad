// What the mutation path answers, built without a server, and a look at the mutation dialog on screen.
import Foundation
import TerminalUI

@testable import AppCore
@testable import Inspector

enum MutationFactory {
    /// The node every factory plan is for, and the word its typed confirmation wants.
    static let node = "127.0.0.1:7001"
    static let confirmationWord = "127.0.0.1:7001/db0"

    static func deletePlan(_ keys: [String], notUndoable: [String] = [], missing: [String] = []) -> DeletePlan {
        DeletePlan(
            undoable: keys.map { Array($0.utf8) }, notUndoable: notUndoable.map { Array($0.utf8) }, missing: missing.map { Array($0.utf8) },
            undoableBytes: 100 * keys.count, notUndoableBytes: 5_000_000 * notUndoable.count)
    }

    /// A dry run's answer: `count` keys match `pattern` on ``node``.
    static func patternPlan(_ pattern: String, count: Int, type: RedisKeyType? = nil, undoable: Int? = nil) -> PatternPlan {
        PatternPlan(
            pattern: GlobPattern(pattern), typeFilter: type, node: node, database: 0, count: count, memoryBytes: 64 * count,
            sample: ["session:a", "session:b"].prefix(count).map { Array($0.utf8) }, estimatedUndoable: undoable ?? count, scannedAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    static func changed(_ key: String, _ command: String, changed: Bool, pttl: Int64, ttl: KeyTTL? = nil) -> KeyChangeOutcome {
        KeyChangeOutcome(key: Array(key.utf8), command: command, changed: changed, pttl: pttl, ttl: ttl, readAt: 0)
    }

    static func bulkResult(_ command: String = "UNLINK", changed: Int, skipped: Int = 0, undoable: Int, notUndoable: Int = 0, aborted: Bool = false) -> BulkResult {
        BulkResult(
            command: command, scanned: changed + skipped, changed: changed, skipped: skipped, undoable: undoable, notUndoable: notUndoable,
            aborted: aborted, elapsed: 0.5)
    }
}

extension AppState {
    /// The mutation dialog on screen, if one is.
    var mutationDialog: MutationOverlay? {
        if case .mutation(let dialog) = overlay { return dialog }
        return nil
    }

    /// The TTL prompt's target, typed text and error, if the prompt is up.
    var ttlPrompt: (target: MutationOverlay.TTLTarget, text: String, error: String?)? {
        if case .ttlPrompt(let target, let input, let error) = mutationDialog { return (target, input.text, error) }
        return nil
    }

    /// The typed confirmation's plan, purpose and typed text, if it is up.
    var typedConfirmation: (plan: PatternPlan, purpose: BulkPurpose, typed: String)? {
        if case .confirmPattern(let plan, let purpose, let typed) = mutationDialog { return (plan, purpose, typed.text) }
        return nil
    }

    /// True when any effect sends a change through the mutation path.
    static func mutates(_ effects: [AppEffect]) -> Bool {
        effects.contains { if case .mutate = $0 { return true } else { return false } }
    }
}
