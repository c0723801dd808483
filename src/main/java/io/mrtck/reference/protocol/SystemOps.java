package io.mrtck.reference.protocol;

import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.OPERATION_ID;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.STATEMENT;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.SYSOP_RESULT;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.SYSOP_STATE;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.sql.system.PlanFailure;

/**
 * SystemRequest (23) and SystemStatus (24): region, namespace and SHOW statements, and
 * (as the real proxy accepts) table DDL. Every statement completes before we answer, so
 * the state is always COMPLETE.
 */
final class SystemOps {
    /** SystemResult states ({@code ta}). */
    static final int COMPLETE = 0;
    static final int WORKING = 1;

    private static final Pattern TABLE_DDL = Pattern.compile(
        "^\\s*(CREATE|DROP|ALTER)\\s+((FULLTEXT\\s+)?INDEX|TABLE)\\b",
        Pattern.CASE_INSENSITIVE);

    private final RegionContext region;
    private final TableOps tables;
    /** Plans that failed, by operation id, until the client polls for their status. */
    private final Map<String, PlanFailure> failedPlans = new ConcurrentHashMap<>();

    SystemOps(RegionContext region, TableOps tables) {
        this.region = region;
        this.tables = tables;
    }

    /** {@code ta} COMPLETE, {@code od}, {@code st}, {@code rs} (when the statement has a result). */
    Response system(Op op) {
        String statement = op.payload().stringOrUtf8(STATEMENT);
        if (statement == null || statement.isBlank()) {
            throw RequestException.byProxy(ErrorCode.ILLEGAL_ARGUMENT, "a system request requires a statement");
        }
        String result;
        String operationId = region.nextOperationId("sys");
        if (isTableDdl(statement)) {
            tables.tableDdl(statement);
            result = null;
        } else {
            try {
                result = region.sql().executeSystem(statement);
            } catch (PlanFailure failed) {
                // as the real proxy: the statement is accepted, its status reports the failure
                failedPlans.put(operationId, failed);
                Response r = Response.ok();
                r.put(SYSOP_STATE, WORKING);
                r.put(OPERATION_ID, operationId);
                r.put(STATEMENT, statement);
                return r;
            } finally {
                // region and namespace statements can change what a prepared query means
                region.prepared().invalidate();
            }
        }
        Response r = Response.ok();
        r.put(SYSOP_STATE, COMPLETE);
        r.put(OPERATION_ID, operationId);
        r.put(STATEMENT, statement);
        r.put(SYSOP_RESULT, result);
        return r;
    }

    /** A failed plan's failure, once; anything else completed when it was asked: COMPLETE. */
    Response status(Op op) {
        PlanFailure failed = failedPlans.remove(String.valueOf(op.payload().stringOrUtf8(OPERATION_ID)));
        if (failed != null) {
            throw failed;
        }
        Response r = Response.ok();
        r.put(SYSOP_STATE, COMPLETE);
        r.put(OPERATION_ID, op.payload().stringOrUtf8(OPERATION_ID));
        r.put(STATEMENT, op.payload().stringOrUtf8(STATEMENT));
        return r;
    }

    static boolean isTableDdl(String statement) {
        return TABLE_DDL.matcher(statement).find();
    }
}
