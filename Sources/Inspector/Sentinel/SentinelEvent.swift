/// One event a sentinel published about the watched group (`+sdown`, `+switch-master`…).
public struct SentinelEvent: Sendable, Hashable, Codable {
    /// The channel: `+sdown`, `-odown`, `+failover-state-select-slave`…
    public var name: String
    /// The message as sent, e.g. `master mymaster 127.0.0.1 6379 #quorum 2/2`.
    public var detail: String
    /// The sentinel that published it (`host:port`).
    public var sentinel: String
    /// Wall-clock milliseconds when it arrived.
    public var wallMilliseconds: Int64

    public init(name: String, detail: String, sentinel: String, wallMilliseconds: Int64) {
        self.name = name
        self.detail = detail
        self.sentinel = sentinel
        self.wallMilliseconds = wallMilliseconds
    }

    /// The channels followed: every event that can change who is primary or whether one is up.
    public static let channels = [
        "+switch-master", "+sdown", "-sdown", "+odown", "-odown", "+try-failover", "+elected-leader", "+promoted-slave",
        "+slave-reconf-sent", "+slave-reconf-inprog", "+slave-reconf-done", "+failover-end", "+failover-end-for-timeout", "+reboot",
        "+failover-detected", "+failover-abort-not-elected", "+failover-abort-no-good-slave", "+convert-to-slave",
    ]
    /// Followed by pattern: each stage of a running failover.
    public static let patterns = ["+failover-state-*"]

    /// Whether `detail` is about the group `masterName`: the master itself
    /// (`master NAME ip port`), an instance of it (`… @ NAME ip port`), or its switch (`NAME old… new…`).
    public static func concerns(_ detail: String, masterName: String) -> Bool {
        detail.hasPrefix("master \(masterName) ") || detail.contains(" @ \(masterName) ") || detail.hasPrefix("\(masterName) ")
            || detail == "master \(masterName)"
    }

    /// Whether the event is about the primary itself (not a replica or a sentinel).
    public var isAboutPrimary: Bool { detail.hasPrefix("master ") || name == "+switch-master" || name.hasPrefix("+failover") || name == "+try-failover" || name == "+elected-leader" }

    /// The `host:port` of the primary an event about the primary names (`master NAME ip port …`).
    public var primaryAddress: String? {
        let words = detail.split(separator: " ")
        guard words.count >= 4, words[0] == "master" else { return nil }
        return "\(words[2]):\(words[3])"
    }

    /// The new primary's `host:port` of a `+switch-master` (`NAME old-ip old-port new-ip new-port`).
    public var switchedTo: String? {
        guard name == "+switch-master" else { return nil }
        let words = detail.split(separator: " ")
        guard words.count >= 5 else { return nil }
        return "\(words[3]):\(words[4])"
    }
}
