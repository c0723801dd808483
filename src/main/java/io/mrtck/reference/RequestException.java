package io.mrtck.reference;

/**
 * A request the region refuses. Carries the wire error code the SDK maps to its
 * exception type, and a message that says what is wrong.
 */
public class RequestException extends RuntimeException {
    private final ErrorCode code;

    public RequestException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static RequestException illegalArgument(String message) {
        return new RequestException(ErrorCode.ILLEGAL_ARGUMENT, message);
    }

    public static RequestException tableNotFound(String table) {
        return new RequestException(ErrorCode.TABLE_NOT_FOUND, "Table not found: " + table);
    }
}
