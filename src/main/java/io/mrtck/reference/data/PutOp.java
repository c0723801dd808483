package io.mrtck.reference.data;

import io.mrtck.reference.schema.TimeToLive;
import oracle.nosql.driver.values.MapValue;

/**
 * One put, from an SDK put request or from a statement (INSERT/UPSERT).
 *
 * @param table        table name as given by the client
 * @param row          the new row (any field order; missing columns take their default)
 * @param option       the condition
 * @param matchVersion for IF_VERSION
 * @param ttl          the TTL given with the request, or null (then: table default for a new
 *                     row; for an existing row its expiration is kept unless updateTtl)
 * @param updateTtl    apply {@code ttl} (or the table default) to an existing row too
 * @param returnRow    return the existing row when the rules return it
 * @param exactMatch   reject a row with fields the table does not have
 * @param sdkRow       the row is a client's, converted by the proxy's rules
 *                     ({@link io.mrtck.reference.schema.ValueCoercion#putRow}); else a statement's
 */
public record PutOp(String table, MapValue row, PutOption option, byte[] matchVersion,
                    TimeToLive ttl, boolean updateTtl, boolean returnRow, boolean exactMatch,
                    boolean sdkRow) {

    /** A statement's put. */
    public PutOp(String table, MapValue row, PutOption option, byte[] matchVersion,
                 TimeToLive ttl, boolean updateTtl, boolean returnRow, boolean exactMatch) {
        this(table, row, option, matchVersion, ttl, updateTtl, returnRow, exactMatch, false);
    }

    public static PutOp upsert(String table, MapValue row) {
        return new PutOp(table, row, PutOption.ALWAYS, null, null, false, false, false);
    }
}
