package io.mrtck.reference.protocol;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;

/**
 * How a failed operation is reported, the real proxy's way: the store's illegal argument
 * becomes {@code <OP>: Illegal Argument: <message>} and an exception the store did not expect
 * {@code <OP>: Unexpected exception: <class>: <message>} (UNKNOWN_ERROR), OP the request's
 * operation name. Refusals the proxy raises itself, and every error of the table-management
 * operations (whose answers the proxy builds from the store's result), pass unchanged.
 */
final class OperationErrors {
    private OperationErrors() {
    }

    static Response of(int opcode, RequestException e) {
        if (e.byProxy() || managesTables(opcode)) {
            return Response.error(e.code(), e.getMessage());
        }
        if (e.code() == ErrorCode.ILLEGAL_ARGUMENT) {
            return Response.error(e.code(), name(opcode) + ": Illegal Argument: " + e.getMessage());
        }
        if (e.code() == ErrorCode.UNKNOWN_ERROR) {
            return Response.error(e.code(), name(opcode) + ": Unexpected exception: " + e.getMessage());
        }
        return Response.error(e.code(), e.getMessage());
    }

    /**
     * A failure of the reference itself: UNKNOWN_ERROR with the exception's class and message
     * only (never a stack trace), and not SERVER_ERROR, which the SDK retries until it times out.
     */
    static Response unexpected(int opcode, Throwable t) {
        return Response.error(ErrorCode.UNKNOWN_ERROR, name(opcode) + ": Unexpected exception: " + t);
    }

    private static boolean managesTables(int opcode) {
        return opcode == OpCodes.TABLE_REQUEST || opcode == OpCodes.GET_TABLE
            || opcode == OpCodes.GET_INDEXES || opcode == OpCodes.LIST_TABLES
            || opcode == OpCodes.GET_TABLE_USAGE;
    }

    private static String name(int opcode) {
        String name = OpCodes.name(opcode);
        return name == null ? "OPCODE_" + opcode : name;
    }
}
