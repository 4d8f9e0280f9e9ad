// The flags of `cachescope snapshot --keys`: the walk's time budget and the tree's depth.
import ArgumentParser

/// `--keys [--seconds N] [--depth D]`, kept apart so other snapshot modes add flags of their own.
struct KeysSnapshotArguments: ParsableArguments {
    @Flag(help: "Walk each node's keyspace (SCAN, under the scan ceiling) for at most --seconds and print the namespace tree with estimates and 95% intervals.")
    var keys = false
    @Option(help: ArgumentHelp("With --keys: seconds the walk may take (default 10); figures are estimated if it has not finished by then.", valueName: "N"))
    var seconds: Double = 10
    @Option(help: ArgumentHelp("With --keys: prefix levels to print (default 2).", valueName: "D"))
    var depth: Int = 2

    func validate() throws {
        guard seconds > 0, seconds.isFinite else { throw ValidationError("--seconds must be a positive number of seconds") }
        guard (1...16).contains(depth) else { throw ValidationError("--depth must be between 1 and 16") }
    }
}
