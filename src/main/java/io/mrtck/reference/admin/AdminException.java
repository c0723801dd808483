package io.mrtck.reference.admin;

/** The reference admin rejected a command; the message says what is wrong. */
public final class AdminException extends RuntimeException {
    public AdminException(String message) {
        super(message);
    }
}
