// The `[clients]` table: when the server pane flags a client.
import Inspector
import TOMLKit

extension ConfigLoader.Reader {
    /// Reads `[clients]`: `output_buffer_mb`, `near_limit_percent`, `query_buffer_mb`,
    /// `growing_query_buffer_kb` and `idle_hours`, each optional.
    func clientThresholds(_ value: any TOMLValueConvertible) throws(ConfigError) -> ClientThresholds {
        guard let table = value.table else { throw error("[clients] must be a table", key: "clients", section: nil) }
        var thresholds = ClientThresholds.default
        for key in table.keys {
            let number = try self.number(table[key]!, key: key, section: "clients")
            guard number >= 0 else { throw error("\(key) must not be negative", key: key, section: "clients") }
            switch key {
            case "output_buffer_mb": thresholds.outputBufferBytes = Int64(number * 1_048_576)
            case "near_limit_percent":
                guard number <= 100 else { throw error("near_limit_percent must be between 0 and 100", key: key, section: "clients") }
                thresholds.nearLimitFraction = number / 100
            case "query_buffer_mb": thresholds.queryBufferBytes = Int64(number * 1_048_576)
            case "growing_query_buffer_kb": thresholds.growingQueryBufferBytes = Int64(number * 1024)
            case "idle_hours": thresholds.idleSeconds = Int64(number * 3600)
            default: throw error("unknown setting \"\(key)\" in [clients]", key: key, section: "clients")
            }
        }
        return thresholds
    }
}
