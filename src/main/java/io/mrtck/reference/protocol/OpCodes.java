package io.mrtck.reference.protocol;

/** The wire operation codes ({@code h.o}) of the SDK's {@code BinaryProtocol.OpCode}, by ordinal. */
public final class OpCodes {
    public static final int DELETE = 0;
    public static final int DELETE_IF_VERSION = 1;
    public static final int GET = 2;
    public static final int PUT = 3;
    public static final int PUT_IF_ABSENT = 4;
    public static final int PUT_IF_PRESENT = 5;
    public static final int PUT_IF_VERSION = 6;
    public static final int QUERY = 7;
    public static final int PREPARE = 8;
    public static final int WRITE_MULTIPLE = 9;
    public static final int MULTI_DELETE = 10;
    public static final int GET_TABLE = 11;
    public static final int GET_INDEXES = 12;
    public static final int GET_TABLE_USAGE = 13;
    public static final int LIST_TABLES = 14;
    public static final int TABLE_REQUEST = 15;
    public static final int SYSTEM_REQUEST = 23;
    public static final int SYSTEM_STATUS_REQUEST = 24;

    /** Names of every opcode the SDK 5.4 defines (index = code), for error messages. */
    private static final String[] NAMES = {
        "DELETE", "DELETE_IF_VERSION", "GET", "PUT", "PUT_IF_ABSENT", "PUT_IF_PRESENT",
        "PUT_IF_VERSION", "QUERY", "PREPARE", "WRITE_MULTIPLE", "MULTI_DELETE", "GET_TABLE",
        "GET_INDEXES", "GET_TABLE_USAGE", "LIST_TABLES", "TABLE_REQUEST", "SCAN",
        "INDEX_SCAN", "CREATE_TABLE", "ALTER_TABLE", "DROP_TABLE", "CREATE_INDEX",
        "DROP_INDEX", "SYSTEM_REQUEST", "SYSTEM_STATUS_REQUEST", null, null, null, null,
        null, null, null, null, "ADD_REPLICA", "DROP_REPLICA", "GET_REPLICA_STATS"
    };

    private OpCodes() {
    }

    /** The SDK's name for a known opcode, else null. */
    public static String name(int code) {
        return code >= 0 && code < NAMES.length ? NAMES[code] : null;
    }

    public static boolean isPut(int code) {
        return code >= PUT && code <= PUT_IF_VERSION;
    }

    public static boolean isDelete(int code) {
        return code == DELETE || code == DELETE_IF_VERSION;
    }

    /** Get, put, delete, write-multiple and multi-delete: operations on rows by key. */
    public static boolean isRowOperation(int code) {
        return code == GET || isPut(code) || isDelete(code) || code == WRITE_MULTIPLE || code == MULTI_DELETE;
    }
}
