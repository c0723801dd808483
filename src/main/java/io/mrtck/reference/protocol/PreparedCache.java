package io.mrtck.reference.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.sql.query.PreparedQuery;
import io.mrtck.reference.sql.SqlEngine;

/**
 * The prepared-statement bytes ({@code pq}) handed to the SDK, and a cache of the engine's
 * PreparedQuery by statement. The bytes are self-contained (a magic, then the statement
 * text in UTF-8), so a statement prepared before a restart, or evicted from the cache, is
 * simply prepared again. A table's plans are forgotten by every DDL statement that changes
 * it, and all plans by a region or namespace statement, so a plan never outlives the
 * catalog it was checked against.
 */
public final class PreparedCache {
    /** "MRTCKPQ" + format version 1. */
    private static final byte[] MAGIC = {'M', 'R', 'T', 'C', 'K', 'P', 'Q', 1};
    private static final int MAX_ENTRIES = 1024;

    private final SqlEngine sql;
    private final ConcurrentHashMap<String, PreparedQuery> byStatement = new ConcurrentHashMap<>();

    public PreparedCache(SqlEngine sql) {
        this.sql = sql;
    }

    public PreparedQuery prepare(String statement) {
        PreparedQuery q = byStatement.get(statement);
        if (q != null) {
            return q;
        }
        q = sql.prepare(statement);
        if (byStatement.size() >= MAX_ENTRIES) {
            byStatement.clear();
        }
        byStatement.put(statement, q);
        return q;
    }

    /** The PreparedQuery for {@code pq} bytes this server produced. */
    public PreparedQuery fromBytes(byte[] bytes) {
        return prepare(statementOf(bytes));
    }

    public void invalidate() {
        byStatement.clear();
    }

    /**
     * Forgets the plans of one table, of its child tables and of its parents (a child's rows
     * carry its parent's key); the plans of other tables stay. Every DDL statement of a test
     * run used to empty the whole cache, and parsing the statements again was 5 % of its CPU.
     */
    public void invalidate(String table) {
        if (table == null) {
            invalidate();
            return;
        }
        String changed = unqualified(table);
        byStatement.values().removeIf(q -> q.tableName() == null || related(unqualified(q.tableName()), changed));
    }

    private static boolean related(String a, String b) {
        return a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".");
    }

    /** Lower case, without a namespace: comparing more loosely only forgets more. */
    private static String unqualified(String name) {
        return name.substring(name.indexOf(':') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    public static byte[] toBytes(String statement) {
        byte[] text = statement.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(MAGIC.length + 4 + text.length)
            .put(MAGIC).putInt(text.length).put(text).array();
    }

    public static String statementOf(byte[] bytes) {
        if (bytes == null || bytes.length < MAGIC.length + 4
            || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw RequestException.byProxy(ErrorCode.ILLEGAL_ARGUMENT,
                "prepared query bytes were not produced by this server (bad magic or length)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, MAGIC.length, bytes.length - MAGIC.length);
        int len = b.getInt();
        if (len < 0 || len != b.remaining()) {
            throw RequestException.byProxy(ErrorCode.ILLEGAL_ARGUMENT,
                "prepared query bytes are truncated or corrupt");
        }
        return new String(bytes, MAGIC.length + 4, len, StandardCharsets.UTF_8);
    }
}
