/// What one sampling round of a node produced.
public enum SampleOutcome: Sendable {
    case sample(NodeSample)
    /// The node did not answer; `error` says what and where (never a password).
    case failure(error: String, at: Double)
}
