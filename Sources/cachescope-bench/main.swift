// Temporary entry point until the suites are wired together.
try await ClientBenchmark.run()
