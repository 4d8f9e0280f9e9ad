/// Evaluates alert rules on every sample and keeps each rule's state per node:
/// inactive → pending (breached) → firing (breached for the duration) → resolved (cleared).
/// A pending alert that clears before firing vanishes. Resolved alerts are kept (bounded) so
/// the operator sees what happened while they looked away.
public struct AlertEngine: Sendable {
    public var rules: [AlertRule]
    /// Active (pending or firing) alerts by id.
    public private(set) var active: [String: Alert] = [:]
    /// Resolved alerts, newest last.
    public private(set) var resolved: [Alert] = []
    public let resolvedCapacity: Int

    public init(rules: [AlertRule] = AlertRule.defaults, resolvedCapacity: Int = 200) {
        self.rules = rules
        self.resolvedCapacity = resolvedCapacity
    }

    /// Evaluates every rule on `node` at `time`.
    /// - Parameter lifetimeHitRatio: see `AlertMetric.value(on:lifetimeHitRatio:)`.
    public mutating func evaluate(_ node: NodeHealth, at time: Double, lifetimeHitRatio: Bool = false) {
        for rule in rules {
            let id = "\(rule.name)@\(node.address)"
            guard let value = rule.metric.value(on: node, lifetimeHitRatio: lifetimeHitRatio) else {
                // Unknown value: hold the current state, but a down node cannot keep
                // data alerts alive; those wait for the node to come back.
                continue
            }
            apply(rule, id: id, subject: node.address, value: value, at: time)
        }
    }

    /// Moves one rule's alert on `subject` (a node address, or a Sentinel group) given the metric's value now.
    public mutating func apply(_ rule: AlertRule, id: String, subject: String, value: Double, at time: Double) {
        let breached = rule.isBreached(by: value)
        if var alert = active[id] {
            alert.value = value
            if breached {
                if alert.state == .pending, time - alert.since >= rule.duration {
                    alert.state = .firing
                    alert.firedAt = time
                }
                active[id] = alert
            } else {
                active[id] = nil
                if alert.state == .firing {
                    alert.state = .resolved
                    alert.resolvedAt = time
                    resolved.append(alert)
                    if resolved.count > resolvedCapacity { resolved.removeFirst(resolved.count - resolvedCapacity) }
                }
            }
        } else if breached {
            var alert = Alert(rule: rule, node: subject, state: .pending, since: time, value: value)
            if rule.duration <= 0 {
                alert.state = .firing
                alert.firedAt = time
            }
            active[id] = alert
        }
    }

    /// Sets an alert as it was recorded (a replay): firing or pending ones become active,
    /// a resolved one leaves the active alerts for the resolved list. No rule is evaluated.
    public mutating func restore(_ alert: Alert) {
        switch alert.state {
        case .pending, .firing: active[alert.id] = alert
        case .resolved:
            active[alert.id] = nil
            resolved.append(alert)
            if resolved.count > resolvedCapacity { resolved.removeFirst(resolved.count - resolvedCapacity) }
        }
    }

    /// Pending and firing alerts, firing first, most severe first, then oldest first.
    public var activeAlerts: [Alert] {
        active.values.sorted { a, b in
            if a.state != b.state { return a.state == .firing }
            if a.rule.severity != b.rule.severity { return a.rule.severity > b.rule.severity }
            if a.since != b.since { return a.since < b.since }
            return a.id < b.id
        }
    }

    public var firing: [Alert] { activeAlerts.filter { $0.state == .firing } }
}
