// Which optional commands each node has, asked once per node and shared by the runtime's parts.
import Inspector
import RedisClient

/// Each node's ``ServerFeatures``, detected with one `COMMAND INFO` the first time a part needs
/// them (a value read, the server pane's poll). A failed detection is not kept: the next need
/// asks again, and meanwhile every newer view stays off, as on Redis 7.0.
actor ServerFeatureCache {
    private var known: [Int: ServerFeatures] = [:]

    /// Node `node`'s features, asked over `connection` unless known.
    func features(node: Int, on connection: any RedisPipelining) async -> ServerFeatures {
        if let features = known[node] { return features }
        guard let features = try? await ServerFeatures.detect(connection) else { return ServerFeatures() }
        known[node] = features
        return features
    }
}
