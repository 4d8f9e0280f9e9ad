import Inspector

/// Everything `~/.config/cachescope/config.toml` can set. Every field has a default, so a
/// missing file is the default configuration.
public struct AppConfig: Sendable, Equatable {
    /// Seconds between samples.
    public var interval: Double = 1
    public var theme: String = "default"
    public var readOnly: Bool = false
    public var auditLogPath: String?
    /// Namespace delimiter for the keys tree.
    public var delimiter: String = ":"

    /// In a cluster, index keys and read values from replicas, sparing the primaries.
    public var readFromReplicas = false

    /// The load policy of the keys index under this configuration.
    public var scanPolicy: ScanLoadPolicy {
        ScanLoadPolicy(maxCommandsPerSecond: Double(scanCommandsPerSecond), indexBudgetBytes: indexBudgetBytes, exactLookupLimit: exactLookupLimit)
    }

    /// The namespace delimiter as the byte the index splits on.
    public var delimiterByte: UInt8 { delimiter.utf8.first ?? UInt8(ascii: ":") }
    /// The keys index's ceiling on commands per second per node (SCAN plus three lookups a key).
    /// 100,000 keeps the scan near a tenth of one Redis core: about 33,000 keys a second.
    public var scanCommandsPerSecond: Int = 100_000
    /// Memory the keys index may take per node (`index_budget_mb`); past it the index keeps a
    /// uniform sample and shows estimates. 112 MiB keeps the whole process under 150 MiB on a
    /// 10M-key node (the process itself is about 30 MiB before the index).
    public var indexBudgetBytes: Int = 112 << 20
    /// Up to this many keys every key is looked up; beyond, a uniform sample of about this many
    /// (`exact_lookup_limit`), and memory and TTL figures are estimates.
    public var exactLookupLimit: Int = 1_000_000
    /// Keys per second a bulk change by pattern may touch.
    public var bulkKeysPerSecond: Int = 5000
    /// Bytes of deleted keys kept for undo.
    public var undoBudgetBytes: Int = 64 << 20
    /// Pub/Sub message ring size.
    public var messageLogCapacity: Int = 10_000
    public var alertRules: [AlertRule] = AlertRule.defaults
    /// When the server pane flags a client (`[clients]`).
    public var clientThresholds = ClientThresholds.default
    public var connections: [String: ConnectionProfile] = [:]
    /// `[address_map]`: addresses servers announce (`"10.0.0.5:6379"`) → addresses to connect to
    /// (`"127.0.0.1:16379"`), for sentinel answers and cluster topology alike.
    public var addressMap: [String: String] = [:]
    /// Key overrides as `[keys]` writes them: action name → key names (e.g. `"quit" = "Q"`). The
    /// loader has checked that each name is an `AppAction` and each key a key.
    public var keyOverrides: [String: String] = [:]

    public init() {}

    public static func == (a: AppConfig, b: AppConfig) -> Bool {
        a.interval == b.interval && a.theme == b.theme && a.readOnly == b.readOnly && a.auditLogPath == b.auditLogPath
            && a.delimiter == b.delimiter && a.alertRules == b.alertRules && a.connections == b.connections
            && a.keyOverrides == b.keyOverrides && a.scanCommandsPerSecond == b.scanCommandsPerSecond
            && a.messageLogCapacity == b.messageLogCapacity && a.bulkKeysPerSecond == b.bulkKeysPerSecond
            && a.undoBudgetBytes == b.undoBudgetBytes && a.readFromReplicas == b.readFromReplicas
            && a.clientThresholds == b.clientThresholds && a.indexBudgetBytes == b.indexBudgetBytes
            && a.exactLookupLimit == b.exactLookupLimit && a.addressMap == b.addressMap
    }
}
