import Inspector

/// Which node a subscription goes to.
///
/// Plain channels and patterns are read from the node the panes work on (classic pub/sub is
/// broadcast cluster-wide, so any one node sees every message). A sharded channel (`SSUBSCRIBE`)
/// in a cluster goes to the primary serving its slot (`CRC16` with the `{hashtag}` rule), as Redis
/// answers `MOVED` anywhere else.
enum PubSubRouting {
    /// The node index to subscribe to `name` of `kind` on.
    static func node(for kind: ChannelKind, name: [UInt8], in context: PaneContext) -> Int {
        guard kind == .shardChannel, let cluster = context.cluster,
            let owner = cluster.primaryAddress(forKey: name),
            let index = context.addresses.firstIndex(of: owner)
        else { return context.currentNode }
        return index
    }
}
