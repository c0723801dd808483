package io.mrtck.reference;

/**
 * Error codes the SDK maps to its exceptions ({@code BinaryProtocol.mapException}).
 * The wire value is what a response's {@code e} field carries.
 */
public enum ErrorCode {
    TABLE_NOT_FOUND(2),
    INDEX_NOT_FOUND(3),
    ILLEGAL_ARGUMENT(4),
    ROW_SIZE_LIMIT_EXCEEDED(5),
    KEY_SIZE_LIMIT_EXCEEDED(6),
    BATCH_OP_NUMBER_LIMIT_EXCEEDED(7),
    REQUEST_SIZE_LIMIT_EXCEEDED(8),
    TABLE_EXISTS(9),
    INDEX_EXISTS(10),
    RESOURCE_EXISTS(13),
    RESOURCE_NOT_FOUND(14),
    BAD_PROTOCOL_MESSAGE(17),
    OPERATION_NOT_SUPPORTED(21),
    UNSUPPORTED_PROTOCOL(24),
    TABLE_NOT_READY(26),
    UNSUPPORTED_QUERY_VERSION(27),
    REQUEST_TIMEOUT(100),
    SERVER_ERROR(101),
    SERVICE_UNAVAILABLE(102),
    UNKNOWN_ERROR(125),
    ILLEGAL_STATE(126);

    private final int wire;

    ErrorCode(int wire) {
        this.wire = wire;
    }

    public int wire() {
        return wire;
    }
}
