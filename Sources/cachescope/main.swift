import Foundation

if CommandLine.arguments.dropFirst().contains("--ui-smoke-test") {
    exit(await runUISmokeTest())
}
print("cachescope")
