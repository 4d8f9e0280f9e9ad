/// Why a private `redis-server` could not be started or certificates could not be made.
public struct LocalRedisError: Error, Sendable, CustomStringConvertible {
    /// One line saying what failed and, when it helps, what to do.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    static let redisServerMissing = LocalRedisError(
        "redis-server was not found on PATH: install redis-server (e.g. `apt-get install redis-server`) to run cachescope's tests, demo and benchmarks"
    )
}
