package io.mrtck.reference.store;

/**
 * A transaction found a key absent, and another transaction inserted it before this one wrote
 * it. Absent keys carry no lock, so this is how a write learns that what it decided on is
 * stale; {@link RegionStore} runs the transaction again, which then sees the row.
 */
final class ConcurrentInsertException extends RuntimeException {
    ConcurrentInsertException() {
        super("the key was inserted by another transaction after this one found it absent", null, false, false);
    }
}
