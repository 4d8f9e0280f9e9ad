import Foundation
import TerminalUI
import Testing

@testable import AppCore
@testable import Inspector

/// The Doctor view over the keys pane: opened with `H` or `:doctor`, findings coloured by
/// severity, the evidence and histogram of the selected one, fixes through the mutation flow and
/// refused in read-only mode.
@Suite struct DoctorViewTests {
    static func report(complete: Bool = true) -> DoctorReport {
        DoctorReport(
            node: "127.0.0.1:7001",
            findings: [
                DoctorFinding(
                    .missingTTL(
                        FindingFacts.MissingTTL(
                            prefixKeys: 240, expiringKeys: 200, prefixMemory: 15360, medianRemaining: 3000,
                            p90Remaining: 3600, suggestedTTL: 3600, suggestedJitter: 0.1)),
                    severity: .warning, prefix: Array("user:".utf8), keyCount: 40, memory: 2560, exampleKeys: [Array("user:200".utf8)],
                    fix: .addTTL(pattern: GlobPattern("user:*"), seconds: 3600, jitter: 0.1)),
                DoctorFinding(
                    .expiryWave(
                        FindingFacts.ExpiryWave(
                            window: .second, share: 1, expiringKeys: 300, peakPerSecond: 300, peakPerMinute: 300,
                            secondsUntilPeak: 40, medianRemaining: 40)),
                    severity: .critical, prefix: Array("session:".utf8), keyCount: 300, exampleKeys: [Array("session:\u{1b}[2J".utf8)],
                    histogram: TTLHistogram(binSeconds: 20, counts: [0, 0, 300] + Array(repeating: 0, count: 27))),
                DoctorFinding(
                    .secrets(FindingFacts.Secrets(sampledKeys: 20, sources: [.hashFields])), severity: .warning,
                    prefix: Array("account:".utf8), keyCount: 20, fieldNames: ["password_hash"]),
            ], notes: [.hotKeysNeedProbe(policy: "allkeys-lru", probe: DoctorThresholds.default.recentUse)],
            indexedKeys: complete ? 560 : 100, expectedKeys: 560, complete: complete)
    }

    static func state(readOnly: Bool = false) -> AppState {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 2)
        state.readOnly = readOnly
        state.keymap = Keymap(DefaultKeymap.bindings).filtered(readOnly: readOnly)
        #expect(AppUpdate.update(&state, .terminal(.key(.character("2")))) == [.startScan(node: 0, filter: .all)])
        #expect(AppUpdate.update(&state, .terminal(.key(.character("H")))) == [.runDoctor(node: 0)])
        // h asks for the hot-key probe explicitly (it takes a few seconds without LFU).
        #expect(AppUpdate.update(&state, .terminal(.key(.character("h")))) == [.runDoctor(node: 0, probeHotKeys: true)])
        _ = AppUpdate.update(&state, .doctorFinished(node: 0, result: .success(report())))
        return state
    }

    @Test func findingsMostSevereFirstWithEvidenceAndHistogram() {
        var state = Self.state()
        var screen = AppView.render(state).text
        if ProcessInfo.processInfo.environment["SHOW_SCREEN"] != nil { print(screen) }
        #expect(screen.contains("Doctor"))
        #expect(screen.contains("3 findings"))
        #expect(screen.contains("1 critical"))
        let lines = screen.split(separator: "\n")
        let crit = lines.firstIndex { $0.contains("CRIT") && $0.contains("expiry-wave") }
        let warn = lines.firstIndex { $0.contains("WARN") && $0.contains("missing-ttl") }
        #expect(crit != nil && warn != nil && crit! < warn!)
        // The selected (critical) wave shows its histogram and sanitised examples.
        #expect(screen.contains("remaining TTL (keys per 20s)"))
        #expect(screen.contains("session:\\x1b[2J"))
        #expect(!AppView.render(state).cells.contains { $0.symbol.unicodeScalars.contains { $0.value == 0x1b } })
        // The critical finding is drawn in the theme's critical style.
        let buffer = AppView.render(state)
        #expect(buffer.cells.contains { $0.symbol == "C" && $0.foreground == state.theme.critical.foreground })
        _ = AppUpdate.update(&state, .terminal(.key(.character("j"))))
        screen = AppView.render(state).text
        #expect(screen.contains("f add a TTL of 3600 s ±10% to the keys without TTL matching user:*"))
        _ = AppUpdate.update(&state, .terminal(.key(.character("j"))))
        screen = AppView.render(state).text
        #expect(screen.contains("fields password_hash"))
        #expect(screen.contains("hot keys: an LFU"))
    }

    @Test func fixGoesThroughTheMutationFlow() {
        var state = Self.state()
        _ = AppUpdate.update(&state, .terminal(.key(.character("j"))))
        let effects = AppUpdate.update(&state, .terminal(.key(.character("f"))))
        #expect(effects == [.mutate(node: 0, .dryRunMissingTTL(GlobPattern("user:*"), seconds: 3600, jitter: 0.1))])
        // The dry run's answer opens the typed confirmation; confirming runs the undoable change.
        let plan = PatternPlan(
            pattern: GlobPattern("user:*"), typeFilter: nil, node: "127.0.0.1:7001", database: 0, count: 40,
            memoryBytes: 2560, sample: [Array("user:200".utf8)], estimatedUndoable: 40, scannedAt: Date())
        _ = AppUpdate.update(&state, .mutationFinished(.patternPlanned(plan, purpose: .addTTL(seconds: 3600, jitter: 0.1))))
        #expect(AppView.render(state).text.contains("Set a TTL of 1h ±10% (undoable with u)"))
        for character in "127.0.0.1:7001/db0" { _ = AppUpdate.update(&state, .terminal(.key(.character(character)))) }
        #expect(AppUpdate.update(&state, .terminal(.key(.enter))) == [.mutate(node: 0, .addTTLMatching(plan, seconds: 3600, jitter: 0.1))])
    }

    @Test func readOnlyRefusesFixes() {
        var state = Self.state(readOnly: true)
        _ = AppUpdate.update(&state, .terminal(.key(.character("j"))))
        #expect(AppUpdate.update(&state, .terminal(.key(.character("f")))).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.status?.text == "read-only: fixes are off")
        #expect(AppView.render(state).text.contains("read-only: fixes are off"))
    }

    @Test func partialIndexIsSaidAndRerunWhenComplete() {
        var state = Self.state()
        _ = AppUpdate.update(&state, .doctorFinished(node: 0, result: .success(Self.report(complete: false))))
        #expect(AppView.render(state).text.contains("partial: 100 of 560 keys indexed"))
        var progress = ScanProgress()
        progress.phase = .finished
        let effects = AppUpdate.update(&state, .keyspaceUpdated(node: 0, update: KeyspaceScanUpdate(view: KeyspaceView(), progress: progress, generation: 1)))
        #expect(effects == [.runDoctor(node: 0)])
    }

    @Test("a report weighed up from a sample says so, and marks its estimated counts with ~")
    func estimatedReportIsSaid() {
        var state = Self.state()
        var report = Self.report()
        report.sampleShare = 0.0625
        let missing = report.findings.firstIndex { $0.kind == .missingTTL }!
        report.findings[missing].estimated = true
        _ = AppUpdate.update(&state, .doctorFinished(node: 0, result: .success(report)))
        let screen = AppView.render(state).text
        if ProcessInfo.processInfo.environment["SHOW_SCREEN"] != nil { print(screen) }
        #expect(screen.contains("estimated (~) from 6.2% of the keyspace"))
        #expect(screen.contains("~560 keys"))
        let text = DoctorReportText.text(report)
        #expect(text.contains("~560 keys analysed"))
        #expect(DoctorWording.title(report.findings[missing]).hasPrefix("~40 keys without TTL in user:*"))
        #expect(DoctorWording.details(report.findings[missing]).contains { $0.contains("keys in prefix: ~240") })
        // The secrets finding names its own sample: not weighed, no ~.
        #expect(!DoctorWording.title(report.findings.first { $0.kind == .secrets }!).contains("~"))
    }

    @Test func doctorCommandAndEscape() {
        var state = StateFactory.state(addresses: ["127.0.0.1:7001"], seconds: 1)
        _ = AppUpdate.update(&state, .terminal(.key(.character(":"))))
        for character in "doctor" { _ = AppUpdate.update(&state, .terminal(.key(.character(character)))) }
        let effects = AppUpdate.update(&state, .terminal(.key(.enter)))
        #expect(effects == [.startScan(node: 0, filter: .all), .runDoctor(node: 0)])
        #expect(state.pane == .keys && state.keys.doctor.isOpen)
        // Keys-pane changes do nothing under the view; Esc goes back to the tree.
        #expect(AppUpdate.update(&state, .terminal(.key(.character("d")))).isEmpty)
        _ = AppUpdate.update(&state, .terminal(.key(.escape)))
        #expect(!state.keys.doctor.isOpen)
    }
}
