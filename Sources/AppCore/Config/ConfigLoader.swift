import Foundation
import Inspector
import TOMLKit

/// Reads `config.toml` (XDG: `$XDG_CONFIG_HOME/cachescope/config.toml`, else
/// `~/.config/cachescope/config.toml`). A missing file is the default configuration; a broken
/// one is a `ConfigError` naming the file, the line and the reason.
public enum ConfigLoader {
    /// Where the config file is looked for, given the environment.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/cachescope/config.toml" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/cachescope/config.toml"
    }

    /// Loads the file at `path`; the default configuration when it does not exist.
    public static func load(path: String) throws(ConfigError) -> AppConfig {
        guard FileManager.default.fileExists(atPath: path) else { return AppConfig() }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, reason: "cannot be read as UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Parses config text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> AppConfig {
        if let line = TableHeaderCheck.firstBadHeader(in: text) {
            throw ConfigError(file: file, line: line, reason: "a table header needs a name, like [connections.prod] or [alerts.\"my rule\"]")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(file: file, line: error.source.begin.line, reason: error.description)
        } catch {
            throw ConfigError(file: file, line: nil, reason: "\(error)")
        }
        let reader = Reader(text: text, file: file)
        var config = AppConfig()
        for key in table.keys {
            let value = table[key]!
            switch key {
            case "interval":
                let v = try reader.number(value, key: key, section: nil)
                guard v >= 0.1, v <= 3600 else { throw reader.error("interval must be between 0.1 and 3600 seconds", key: key, section: nil) }
                config.interval = v
            case "theme": config.theme = try reader.string(value, key: key, section: nil)
            case "read_only": config.readOnly = try reader.bool(value, key: key, section: nil)
            case "read_from_replicas": config.readFromReplicas = try reader.bool(value, key: key, section: nil)
            case "audit_log": config.auditLogPath = try reader.string(value, key: key, section: nil)
            case "delimiter":
                let d = try reader.string(value, key: key, section: nil)
                guard d.utf8.count == 1 else { throw reader.error("delimiter must be one ASCII character, such as \":\" or \"/\"", key: key, section: nil) }
                config.delimiter = d
            case "scan_commands_per_second":
                let v = try reader.number(value, key: key, section: nil)
                guard v >= 1, v <= 1_000_000 else { throw reader.error("scan_commands_per_second must be between 1 and 1000000", key: key, section: nil) }
                config.scanCommandsPerSecond = Int(v)
            case "bulk_keys_per_second":
                let v = try reader.number(value, key: key, section: nil)
                guard v >= 1, v <= 1_000_000 else { throw reader.error("bulk_keys_per_second must be between 1 and 1000000", key: key, section: nil) }
                config.bulkKeysPerSecond = Int(v)
            case "index_budget_mb":
                let v = try reader.number(value, key: key, section: nil)
                guard v >= 1, v <= 65536 else { throw reader.error("index_budget_mb must be between 1 and 65536", key: key, section: nil) }
                config.indexBudgetBytes = Int(v * 1024 * 1024)
            case "exact_lookup_limit":
                let v = try reader.number(value, key: key, section: nil)
                guard v >= 1000, v <= 1_000_000_000 else { throw reader.error("exact_lookup_limit must be between 1000 and 1000000000", key: key, section: nil) }
                config.exactLookupLimit = Int(v)
            case "undo_budget_mb":
                let v = try reader.number(value, key: key, section: nil)
                guard v >= 0, v <= 16384 else { throw reader.error("undo_budget_mb must be between 0 and 16384", key: key, section: nil) }
                config.undoBudgetBytes = Int(v * 1024 * 1024)
            case "message_log_capacity":
                let v = try reader.number(value, key: key, section: nil)
                guard v >= 1, v <= 10_000_000 else { throw reader.error("message_log_capacity must be between 1 and 10000000", key: key, section: nil) }
                config.messageLogCapacity = Int(v)
            case "alerts":
                config.alertRules = try reader.alertRules(value, base: config.alertRules)
            case "connections":
                config.connections = try reader.connections(value)
            case "clients":
                config.clientThresholds = try reader.clientThresholds(value)
            case "address_map":
                config.addressMap = try reader.addressMap(value)
            case "keys":
                guard let keys = value.table else { throw reader.error("[keys] must be a table", key: key, section: nil) }
                for action in keys.keys {
                    config.keyOverrides[action] = try reader.string(keys[action]!, key: action, section: "keys")
                }
                // Building the keymap turns names into actions: a name that means nothing fails here, on its line.
                do { _ = try DefaultKeymap.make(readOnly: false, overrides: config.keyOverrides) } catch {
                    throw reader.error("[keys] \(error)", key: error.name, section: "keys")
                }
            default:
                throw reader.error("unknown setting \"\(key)\"", key: key, section: nil)
            }
        }
        return config
    }

    /// Reads typed values and finds the line a key stands on, for errors TOML itself does not raise.
    struct Reader {
        let text: String
        let file: String

        func error(_ reason: String, key: String, section: String?) -> ConfigError {
            ConfigError(file: file, line: line(of: key, section: section), reason: reason)
        }

        /// The 1-based line of `key = …` (inside `[section]` when given), or of the `[section.key]` header.
        func line(of key: String, section: String?) -> Int? {
            var inSection = section == nil
            for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("[") {
                    let header = line.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
                    if let section {
                        if header == "\(section).\(key)" || header == "\(section).\"\(key)\"" { return i + 1 }
                        inSection = header == section
                    } else {
                        if header == key || header.hasPrefix(key + ".") { return i + 1 }
                        inSection = false
                    }
                    continue
                }
                for written in [key, "\"\(key)\""] where inSection && line.hasPrefix(written) {
                    if line.dropFirst(written.count).trimmingCharacters(in: .whitespaces).hasPrefix("=") { return i + 1 }
                }
            }
            return nil
        }

        func string(_ v: any TOMLValueConvertible, key: String, section: String?) throws(ConfigError) -> String {
            guard let s = v.string else { throw error("\(key) must be a string", key: key, section: section) }
            return s
        }

        func bool(_ v: any TOMLValueConvertible, key: String, section: String?) throws(ConfigError) -> Bool {
            guard let b = v.bool else { throw error("\(key) must be true or false", key: key, section: section) }
            return b
        }

        /// A finite number: `nan` and `inf` are valid TOML but would trap when turned into an Int.
        func number(_ v: any TOMLValueConvertible, key: String, section: String?) throws(ConfigError) -> Double {
            if let i = v.int { return Double(i) }
            if let d = v.double {
                guard d.isFinite else { throw error("\(key) must be a finite number", key: key, section: section) }
                return d
            }
            throw error("\(key) must be a number", key: key, section: section)
        }

        /// A duration as seconds (a number) or text (`"5m"`).
        func duration(_ v: any TOMLValueConvertible, key: String, section: String) throws(ConfigError) -> Double {
            if let s = v.string {
                do { return Double(try TTLParser.seconds(s)) } catch {
                    if s == "0" || s == "0s" { return 0 }
                    throw self.error("\(key): \(error.description)", key: key, section: section)
                }
            }
            let n = try number(v, key: key, section: section)
            guard n >= 0 else { throw error("\(key) must not be negative", key: key, section: section) }
            guard n <= Double(TTLParser.maximumSeconds) else { throw error("\(key) must be at most 100 years", key: key, section: section) }
            return n
        }

        /// `[alerts.NAME]` tables: override a default rule of that name, disable it
        /// (`enabled = false`), or add a new one.
        func alertRules(_ value: any TOMLValueConvertible, base: [AlertRule]) throws(ConfigError) -> [AlertRule] {
            guard let table = value.table else { throw error("[alerts] must hold tables like [alerts.hit-ratio-low]", key: "alerts", section: nil) }
            var rules = base
            for name in table.keys {
                let section = "alerts.\(name)"
                guard let t = table[name]?.table else { throw error("alerts.\(name) must be a table", key: name, section: "alerts") }
                let existing = rules.firstIndex { $0.name == name }
                if let enabled = t["enabled"] {
                    if try !bool(enabled, key: "enabled", section: section) {
                        if let existing { rules.remove(at: existing) }
                        continue
                    }
                }
                var metric = existing.map { rules[$0].metric }
                var comparison = existing.map { rules[$0].comparison }
                var threshold = existing.map { rules[$0].threshold }
                var duration = existing.map { rules[$0].duration } ?? 0
                var severity = existing.map { rules[$0].severity } ?? .warning
                for k in t.keys {
                    let v = t[k]!
                    switch k {
                    case "enabled": break
                    case "metric":
                        let m = try string(v, key: k, section: section)
                        guard let parsed = AlertMetric(rawValue: m) else {
                            throw error("unknown metric \"\(m)\" (one of: \(AlertMetric.allCases.map(\.rawValue).joined(separator: ", ")))", key: k, section: section)
                        }
                        metric = parsed
                    case "below", "above":
                        comparison = k == "below" ? .below : .above
                        threshold = try number(v, key: k, section: section)
                    case "for": duration = try self.duration(v, key: k, section: section)
                    case "severity":
                        let s = try string(v, key: k, section: section)
                        guard let parsed = AlertRule.Severity(rawValue: s) else { throw error("severity must be warning or critical", key: k, section: section) }
                        severity = parsed
                    default:
                        throw error("unknown alert setting \"\(k)\" (metric, below, above, for, severity, enabled)", key: k, section: section)
                    }
                }
                guard let metric, let comparison, let threshold else {
                    throw error("alert \(name) needs a metric and a threshold (below = … or above = …)", key: name, section: "alerts")
                }
                let rule = AlertRule(name: name, metric: metric, comparison: comparison, threshold: threshold, duration: duration, severity: severity)
                if let existing { rules[existing] = rule } else { rules.append(rule) }
            }
            return rules
        }

        func connections(_ value: any TOMLValueConvertible) throws(ConfigError) -> [String: ConnectionProfile] {
            guard let table = value.table else { throw error("[connections] must hold tables like [connections.prod]", key: "connections", section: nil) }
            var result: [String: ConnectionProfile] = [:]
            for name in table.keys {
                let section = "connections.\(name)"
                guard let t = table[name]?.table else { throw error("connections.\(name) must be a table", key: name, section: "connections") }
                var p = ConnectionProfile(name: name)
                for k in t.keys {
                    let v = t[k]!
                    switch k {
                    case "url": p.uris = [try string(v, key: k, section: section)]
                    case "urls":
                        guard let array = v.array else { throw error("urls must be a list of strings", key: k, section: section) }
                        p.uris = try array.map { (item: any TOMLValueConvertible) throws(ConfigError) -> String in try string(item, key: k, section: section) }
                    case "user": p.user = try string(v, key: k, section: section)
                    case "password": p.password = try string(v, key: k, section: section)
                    case "password_env": p.passwordEnvironmentVariable = try string(v, key: k, section: section)
                    case "db":
                        let n = try number(v, key: k, section: section)
                        guard n >= 0, n <= 1_000_000, n.rounded() == n else { throw error("db must be a whole number from 0", key: k, section: section) }
                        p.database = Int(n)
                    case "cluster": p.cluster = try bool(v, key: k, section: section)
                    case "tls": p.tls = try bool(v, key: k, section: section)
                    case "cacert": p.caCertificate = try string(v, key: k, section: section)
                    case "cert": p.certificate = try string(v, key: k, section: section)
                    case "key": p.privateKey = try string(v, key: k, section: section)
                    case "sni": p.serverName = try string(v, key: k, section: section)
                    case "insecure": p.insecure = try bool(v, key: k, section: section)
                    case "read_only": p.readOnly = try bool(v, key: k, section: section)
                    case "record": p.record = try string(v, key: k, section: section)
                    case "sentinels":
                        guard let array = v.array else { throw error("sentinels must be a list of \"host:port\" strings", key: k, section: section) }
                        p.sentinels = try array.map { (item: any TOMLValueConvertible) throws(ConfigError) -> String in try string(item, key: k, section: section) }
                    case "master": p.masterName = try string(v, key: k, section: section)
                    case "sentinel_user": p.sentinelUser = try string(v, key: k, section: section)
                    case "sentinel_password": p.sentinelPassword = try string(v, key: k, section: section)
                    case "sentinel_password_env": p.sentinelPasswordEnvironmentVariable = try string(v, key: k, section: section)
                    default:
                        throw error("unknown connection setting \"\(k)\"", key: k, section: section)
                    }
                }
                guard !p.uris.isEmpty || !p.sentinels.isEmpty else {
                    throw error("connection \(name) needs url = \"redis://host:port\" (or sentinels = [\"host:26379\"])", key: name, section: "connections")
                }
                result[name] = p
            }
            return result
        }
    }
}
