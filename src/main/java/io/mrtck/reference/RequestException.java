package io.mrtck.reference;

/**
 * A request the region refuses. Carries the wire error code the SDK maps to its exception
 * type, a message that says what is wrong, and who refused it: the store (the engine behind
 * the proxy) or the proxy itself. The protocol layer reports the two differently, as the
 * real proxy does: a store's illegal argument is named after the operation
 * ({@code PUT: Illegal Argument: …}), a proxy's own refusal is passed on as it is.
 */
public class RequestException extends RuntimeException {
    private final ErrorCode code;
    private final boolean byProxy;

    /** A refusal by the store. */
    public RequestException(ErrorCode code, String message) {
        this(code, message, false);
    }

    private RequestException(ErrorCode code, String message, boolean byProxy) {
        super(message);
        this.code = code;
        this.byProxy = byProxy;
    }

    public ErrorCode code() {
        return code;
    }

    /** Whether the proxy refused the request itself, before or around the store. */
    public boolean byProxy() {
        return byProxy;
    }

    /** The store's IllegalArgumentException: the message body, without the operation prefix. */
    public static RequestException illegalArgument(String message) {
        return new RequestException(ErrorCode.ILLEGAL_ARGUMENT, message);
    }

    /** A refusal the proxy raises itself; its message reaches the client unchanged. */
    public static RequestException byProxy(ErrorCode code, String message) {
        return new RequestException(code, message, true);
    }

    /**
     * An exception the store does not expect (the real proxy answers UNKNOWN_ERROR with the
     * exception's class and message), e.g. an explicit NULL for a NOT NULL column on a put.
     *
     * @param exceptionClass the class name the real store throws, as the client sees it
     */
    public static RequestException unexpected(String exceptionClass, String message) {
        return new RequestException(ErrorCode.UNKNOWN_ERROR, exceptionClass + ": " + message);
    }

    public static RequestException tableNotFound(String table) {
        return new RequestException(ErrorCode.TABLE_NOT_FOUND, "Table not found: " + table);
    }
}
