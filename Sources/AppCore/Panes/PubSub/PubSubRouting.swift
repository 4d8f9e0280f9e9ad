import RedisClient

/// Which node a subscription goes to: the hook where cluster routing plugs in.
///
/// Today every subscription goes to the node the panes work on. In a cluster, plain channels and
/// patterns can be read from any one node (classic pub/sub is broadcast cluster-wide), while a
/// sharded channel (`SSUBSCRIBE`) must go to the owner of its slot: this function is the one place
/// to compute `CLUSTER KEYSLOT`-style ownership once the app knows the slot map.
enum PubSubRouting {
    /// The node index to subscribe to `name` of `kind` on.
    static func node(for kind: SubscriptionKind, name: [UInt8], in state: AppState) -> Int {
        state.currentNode
    }
}
