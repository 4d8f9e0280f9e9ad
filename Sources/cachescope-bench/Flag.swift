import Synchronization

/// A yes/no shared between a measurement and the task or thread it stops (set once, read often).
final class Flag: Sendable {
    let value = Atomic<Bool>(false)
}
