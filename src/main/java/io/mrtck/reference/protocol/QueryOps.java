package io.mrtck.reference.protocol;

import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.BIND_VARIABLES;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.CONTINUATION_KEY;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.NAME;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.NAMESPACE;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.NUMBER_LIMIT;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.PREPARED_QUERY;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.QUERY_OPERATION;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.QUERY_PLAN_STRING;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.GET_QUERY_PLAN;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.QUERY_RESULTS;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.QUERY_VERSION;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.STATEMENT;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.TABLE_NAME;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.VALUE;

import java.util.LinkedHashMap;
import java.util.Map;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.nson.NsonFields;
import io.mrtck.reference.sql.query.PreparedQuery;
import io.mrtck.reference.sql.query.QueryBatch;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/**
 * Prepare (8) and Query (7). The server never sends a driver plan ({@code dq}), so every
 * query is "simple" for the SDK: it passes our rows through and loops while we return a
 * continuation key. The server owns ORDER BY, LIMIT/OFFSET and aggregates.
 */
final class QueryOps {
    /** The highest query version we speak (the SDK 5.4 sends 5 and steps down on error 27). */
    static final int MAX_QUERY_VERSION = 5;

    private final RegionContext region;

    QueryOps(RegionContext region) {
        this.region = region;
    }

    /** {@code pq} prepared bytes, {@code n} table, {@code qo} kind, {@code ns} namespace. */
    Response prepare(Op op) {
        checkQueryVersion(op.payload());
        String statement = op.payload().requiredString(STATEMENT);
        PreparedQuery q = region.prepared().prepare(statement);
        Response r = Response.ok();
        describe(r, q);
        if (op.payload().bool(GET_QUERY_PLAN, false)) {
            r.put(QUERY_PLAN_STRING, String.valueOf(q.kind()) + " " + q.statement());
        }
        return r;
    }

    /**
     * {@code qr} rows (always present), {@code ck} when more follow; the first response of
     * an unprepared query also describes the statement ({@code pq}, {@code n}, {@code qo}).
     */
    Response query(Op op) {
        NsonFields p = op.payload();
        checkQueryVersion(p);
        byte[] pq = p.binary(PREPARED_QUERY);
        PreparedQuery q;
        if (pq != null) {
            q = region.prepared().fromBytes(pq);
        } else {
            String statement = p.string(STATEMENT);
            if (statement == null) {
                throw RequestException.byProxy(ErrorCode.ILLEGAL_ARGUMENT,
                    "a query requires a statement or a prepared statement");
            }
            q = region.prepared().prepare(statement);
        }
        Map<String, FieldValue> bindings = bindings(p.array(BIND_VARIABLES));
        int limit = Math.max(0, p.integer(NUMBER_LIMIT, 0));
        byte[] ck = p.binary(CONTINUATION_KEY);
        QueryBatch batch = region.sql().execute(q, bindings, ck, limit);

        Response r = Response.ok();
        ArrayValue rows = Response.newArray(batch.rows().size());
        for (MapValue row : batch.rows()) {
            rows.add(row);
        }
        r.put(QUERY_RESULTS, rows);
        if (batch.continuation() != null) {
            r.put(CONTINUATION_KEY, batch.continuation());
        }
        if (pq == null) {
            describe(r, q);
        }
        return r;
    }

    private static void describe(Response r, PreparedQuery q) {
        r.put(PREPARED_QUERY, PreparedCache.toBytes(q.statement()));
        r.put(TABLE_NAME, q.tableName());
        if (q.kind() != null) {
            r.put(QUERY_OPERATION, q.kind().wire());
        }
        if (q.namespace() != null && !q.namespace().isEmpty()) {
            r.put(NAMESPACE, q.namespace());
        }
    }

    /** Bind variables {@code [{m: name, l: value}]}, keyed as the SDK names them ($x or #n). */
    static Map<String, FieldValue> bindings(ArrayValue vars) {
        Map<String, FieldValue> out = new LinkedHashMap<>();
        if (vars == null) {
            return out;
        }
        for (int i = 0; i < vars.size(); i++) {
            NsonFields v = NsonFields.of(vars.get(i), "bind variable " + i);
            String name = v.requiredString(NAME);
            FieldValue value = v.map().get(VALUE);
            if (value == null) {
                throw RequestException.byProxy(ErrorCode.ILLEGAL_ARGUMENT, "bind variable " + name + " has no value");
            }
            out.put(name, value);
        }
        return out;
    }

    private static void checkQueryVersion(NsonFields p) {
        int qv = p.integer(QUERY_VERSION, MAX_QUERY_VERSION);
        if (qv > MAX_QUERY_VERSION || qv < 1) {
            throw new RequestException(ErrorCode.UNSUPPORTED_QUERY_VERSION,
                "Unsupported query version " + qv + "; this server supports 1.."
                    + MAX_QUERY_VERSION);
        }
    }
}
