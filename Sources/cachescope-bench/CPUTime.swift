import Foundation
import RESP
import RedisClient

/// CPU seconds (user + system) of the parties in a benchmark: this process, the child processes it
/// waited for (redis-benchmark, redis-cli), and a redis-server (from `INFO cpu`). CPU per operation
/// is steadier than wall-clock rates on a shared, noisy machine.
enum CPUTime {
    /// This process.
    static func ownProcess() -> Double { seconds(RUSAGE_SELF) }

    /// The calling thread (`CLOCK_THREAD_CPUTIME_ID`: cheap enough to read around each call).
    static func thisThread() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Children that have exited and been waited for.
    static func waitedChildren() -> Double { seconds(RUSAGE_CHILDREN) }

    /// `used_cpu_user + used_cpu_sys` of the server behind `connection`.
    static func server(_ connection: RedisConnection) async throws -> Double {
        let info = try await connection.send(RedisCommand("INFO", "cpu")).string ?? ""
        var total = 0.0
        for line in info.split(whereSeparator: \.isNewline) where line.hasPrefix("used_cpu_user:") || line.hasPrefix("used_cpu_sys:") {
            total += Double(line.split(separator: ":").last ?? "0") ?? 0
        }
        return total
    }

    private static func seconds(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(Int32(who.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
