package io.mrtck.backup;

/**
 * A backup, export, import or restore that cannot go on: bad input (a config field missing, a
 * damaged file, a table that does not match) or a state that forbids it. The message names the
 * problem; nothing has been written to a region when it is thrown before a write.
 */
public final class BackupException extends RuntimeException {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
