import TOMLKit

/// `[address_map]`: `"10.0.0.5:6379" = "127.0.0.1:16379"`, each side `host:port`.
extension ConfigLoader.Reader {
    func addressMap(_ value: any TOMLValueConvertible) throws(ConfigError) -> [String: String] {
        guard let table = value.table else { throw error("[address_map] must be a table of \"host:port\" = \"host:port\"", key: "address_map", section: nil) }
        var map: [String: String] = [:]
        for from in table.keys {
            let to = try string(table[from]!, key: from, section: "address_map")
            for side in [from, to] where !Self.isHostPort(side) {
                throw error("\"\(side)\" is not host:port (IPv6 as [::1]:6379)", key: from, section: "address_map")
            }
            map[from] = to
        }
        return map
    }

    /// `host:port` or `[v6]:port` with a port 1-65535.
    static func isHostPort(_ text: String) -> Bool {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else { return false }
        let host = text[..<colon]
        return !host.isEmpty && (host.hasPrefix("[") ? host.hasSuffix("]") : !host.contains(":"))
    }
}
