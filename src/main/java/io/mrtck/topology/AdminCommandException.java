package io.mrtck.topology;

/** The admin refused or failed a command; the message is the admin's explanation. */
public final class AdminCommandException extends RuntimeException {
    public AdminCommandException(String message) {
        super(message);
    }
}
