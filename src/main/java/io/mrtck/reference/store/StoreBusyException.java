package io.mrtck.reference.store;

/**
 * A transaction kept meeting conflicting writers (deadlocks, lock waits that timed out) until
 * its retry budget ran out; nothing was written. The region answers it as a retryable server
 * error, never as an internal one.
 */
public final class StoreBusyException extends RuntimeException {
    StoreBusyException(String message, Throwable lastConflict) {
        super(message, lastConflict);
    }
}
