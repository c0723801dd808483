package io.mrtck.reference.protocol;

import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.ABORT_ON_FAIL;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.CONTINUATION_KEY;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.CREATION_TIME;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.END;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.EXACT_MATCH;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.EXISTING_MOD_TIME;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.EXISTING_VALUE;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.EXISTING_VERSION;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.EXPIRATION;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.GENERATED;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.INCLUSIVE;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.KEY;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.MAX_WRITE_KB;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.MODIFIED;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.NUM_DELETIONS;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.NUM_OPERATIONS;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.OPERATIONS;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.OP_CODE;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.RANGE;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.RANGE_PATH;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.RETURN_INFO;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.RETURN_ROW;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.ROW;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.ROW_VERSION;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.START;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.SUCCESS;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.TABLE_NAME;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.TTL;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.UPDATE_TTL;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.VALUE;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.WM_FAILURE;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.WM_FAIL_INDEX;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.WM_FAIL_RESULT;
import static oracle.nosql.driver.ops.serde.nson.NsonProtocol.WM_SUCCESS;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.data.BatchOp;
import io.mrtck.reference.data.DeleteOp;
import io.mrtck.reference.data.KeyRange;
import io.mrtck.reference.data.MultiDeleteOutcome;
import io.mrtck.reference.data.PutOp;
import io.mrtck.reference.data.PutOption;
import io.mrtck.reference.data.WriteMultipleOutcome;
import io.mrtck.reference.data.WriteOutcome;
import io.mrtck.reference.nson.NsonFields;
import io.mrtck.reference.schema.TimeToLive;
import io.mrtck.reference.store.StoredRow;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/** Get (2), Put (3-6), Delete (0-1), WriteMultiple (9), MultiDelete (10). */
final class RowOps {
    private final RegionContext region;

    RowOps(RegionContext region) {
        this.region = region;
    }

    /**
     * {@code r {ct, md, xp, rv, l}} when the row is live; no {@code r} when it is absent. An
     * on-premises store reports no creation time: {@code ct} is 0.
     */
    Response get(Op op) {
        String table = op.requiredTable();
        MapValue key = requiredMap(op.payload(), KEY, "GET");
        Optional<StoredRow> row = region.rows().get(table, key);
        Response r = Response.ok();
        row.ifPresent(sr -> {
            MapValue m = Response.newMap();
            m.put(CREATION_TIME, 0L);
            m.put(MODIFIED, sr.modificationTime());
            m.put(EXPIRATION, sr.expirationTime());
            m.put(ROW_VERSION, sr.version());
            m.put(VALUE, sr.value());
            r.put(ROW, m);
        });
        return r;
    }

    /** {@code rv} when the put happened; {@code ri} when the row layer returns the existing row. */
    Response put(Op op) {
        PutOp put = parsePut(op.requiredTable(), op.opcode(), op.payload());
        WriteOutcome out = region.rows().put(put);
        Response r = Response.ok();
        writeOutcome(r.map(), out, true, false);
        return r;
    }

    /** {@code ss} success, {@code ri} when the row layer returns the existing row. */
    Response delete(Op op) {
        DeleteOp del = parseDelete(op.requiredTable(), op.opcode(), op.payload());
        WriteOutcome out = region.rows().delete(del);
        Response r = Response.ok();
        writeOutcome(r.map(), out, false, true);
        return r;
    }

    Response writeMultiple(Op op) {
        NsonFields p = op.payload();
        ArrayValue ops = p.array(OPERATIONS);
        if (ops == null || ops.size() == 0) {
            throw RequestException.byProxy(ErrorCode.ILLEGAL_ARGUMENT, "WriteMultiple requires at least one operation");
        }
        int declared = p.integer(NUM_OPERATIONS, ops.size());
        if (declared != ops.size()) {
            throw RequestException.byProxy(ErrorCode.BAD_PROTOCOL_MESSAGE, "WriteMultiple declares "
                + declared + " operations but carries " + ops.size());
        }
        List<BatchOp> batch = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            NsonFields sub = NsonFields.of(ops.get(i), "operation " + i);
            String table = TableNames.resolve(region, sub.string(TABLE_NAME));
            if (table == null) {
                table = op.tableName();
            }
            if (table == null || table.isBlank()) {
                throw RequestException.byProxy(ErrorCode.ILLEGAL_ARGUMENT, "WriteMultiple operation " + i
                    + " has no table name");
            }
            int code = sub.integer(OP_CODE, -1);
            boolean abort = sub.bool(ABORT_ON_FAIL, false);
            if (OpCodes.isPut(code)) {
                batch.add(BatchOp.put(parsePut(table, code, sub), abort));
            } else if (OpCodes.isDelete(code)) {
                batch.add(BatchOp.delete(parseDelete(table, code, sub), abort));
            } else {
                throw RequestException.byProxy(ErrorCode.ILLEGAL_ARGUMENT, "WriteMultiple operation " + i
                    + " has opcode " + code + " (" + OpCodes.name(code)
                    + "); only put and delete operations are allowed");
            }
        }
        WriteMultipleOutcome out = region.rows().writeMultiple(batch);
        Response r = Response.ok();
        if (out.aborted()) {
            MapValue failure = Response.newMap();
            failure.put(WM_FAIL_INDEX, out.failedIndex());
            MapValue result = Response.newMap();
            WriteOutcome failed = out.failed();
            if (failed == null) {
                failed = new WriteOutcome(false, null, null);
            }
            writeOutcome(result, failed, batch.get(out.failedIndex()).put() != null, true);
            failure.put(WM_FAIL_RESULT, result);
            r.put(WM_FAILURE, failure);
        } else {
            ArrayValue results = Response.newArray(out.results().size());
            for (int i = 0; i < out.results().size(); i++) {
                MapValue m = Response.newMap();
                writeOutcome(m, out.results().get(i), batch.get(i).put() != null, true);
                results.add(m);
            }
            r.put(WM_SUCCESS, results);
        }
        return r;
    }

    Response multiDelete(Op op) {
        String table = op.requiredTable();
        NsonFields p = op.payload();
        MapValue key = requiredMap(p, KEY, "MULTI_DELETE");
        KeyRange range = parseRange(p.sub(RANGE));
        byte[] ck = p.binary(CONTINUATION_KEY);
        int maxWriteKB = p.integer(MAX_WRITE_KB, 0);
        MultiDeleteOutcome out = region.rows().multiDelete(table, key, range, ck, maxWriteKB);
        Response r = Response.ok().put(NUM_DELETIONS, out.deleted());
        r.put(CONTINUATION_KEY, out.continuationKey());
        return r;
    }

    // --- parsing -------------------------------------------------------------------------

    static PutOp parsePut(String table, int opcode, NsonFields f) {
        PutOption option = switch (opcode) {
            case OpCodes.PUT -> PutOption.ALWAYS;
            case OpCodes.PUT_IF_ABSENT -> PutOption.IF_ABSENT;
            case OpCodes.PUT_IF_PRESENT -> PutOption.IF_PRESENT;
            case OpCodes.PUT_IF_VERSION -> PutOption.IF_VERSION;
            default -> throw new IllegalStateException("not a put opcode: " + opcode);
        };
        MapValue row = requiredMap(f, VALUE, "PUT");
        byte[] matchVersion = f.binary(ROW_VERSION);
        if (option == PutOption.IF_VERSION && matchVersion == null) {
            throw RequestException.byProxy(ErrorCode.ILLEGAL_ARGUMENT, "PutIfVersion requires a match version");
        }
        TimeToLive ttl = null;
        String ttlText = f.string(TTL);
        if (ttlText != null) {
            try {
                ttl = TimeToLive.parse(ttlText);
            } catch (IllegalArgumentException e) {
                throw RequestException.illegalArgument(e.getMessage());
            }
        }
        return new PutOp(table, row, option, option == PutOption.IF_VERSION ? matchVersion : null,
            ttl, f.bool(UPDATE_TTL, false), f.bool(RETURN_ROW, false), f.bool(EXACT_MATCH, false), true);
    }

    static DeleteOp parseDelete(String table, int opcode, NsonFields f) {
        MapValue key = requiredMap(f, KEY, "DELETE");
        byte[] matchVersion = f.binary(ROW_VERSION);
        if (opcode == OpCodes.DELETE_IF_VERSION && matchVersion == null) {
            throw RequestException.byProxy(ErrorCode.ILLEGAL_ARGUMENT, "DeleteIfVersion requires a match version");
        }
        return new DeleteOp(table, key, opcode == OpCodes.DELETE_IF_VERSION ? matchVersion : null,
            f.bool(RETURN_ROW, false));
    }

    static KeyRange parseRange(NsonFields rg) {
        if (rg == null) {
            return null;
        }
        String path = rg.string(RANGE_PATH);
        if (path == null) {
            throw RequestException.byProxy(ErrorCode.ILLEGAL_ARGUMENT, "a field range requires a field path");
        }
        NsonFields start = rg.sub(START);
        NsonFields end = rg.sub(END);
        if (start == null && end == null) {
            throw RequestException.byProxy(ErrorCode.ILLEGAL_ARGUMENT, "a field range requires a start or an end");
        }
        FieldValue sv = start == null ? null : start.requiredValue(VALUE);
        FieldValue ev = end == null ? null : end.requiredValue(VALUE);
        return new KeyRange(path, sv, start != null && start.bool(INCLUSIVE, false),
            ev, end != null && end.bool(INCLUSIVE, false));
    }

    private static MapValue requiredMap(NsonFields f, String field, String what) {
        MapValue m = f.mapValue(field);
        if (m == null) {
            throw RequestException.byProxy(ErrorCode.ILLEGAL_ARGUMENT, what + " requires a "
                + (field.equals(KEY) ? "primary key" : "row value") + " (field '" + field + "')");
        }
        return m;
    }

    /**
     * The fields of a write result: {@code ss} (when asked), {@code rv} for a put that
     * happened, {@code ri} with the existing row when the row layer returned it.
     */
    static void writeOutcome(MapValue target, WriteOutcome out, boolean isPut, boolean withSuccess) {
        if (withSuccess) {
            target.put(SUCCESS, out.success());
        }
        if (isPut && out.success() && out.version() != null) {
            target.put(ROW_VERSION, out.version());
        }
        if (isPut && out.success() && out.generated() != null) {
            target.put(GENERATED, out.generated());
        }
        StoredRow existing = out.existing();
        if (existing != null) {
            MapValue ri = Response.newMap();
            if (existing.value() != null) {
                ri.put(EXISTING_VALUE, existing.value());
            }
            if (existing.version() != null) {
                ri.put(EXISTING_VERSION, existing.version());
            }
            ri.put(EXISTING_MOD_TIME, existing.modificationTime());
            target.put(RETURN_INFO, ri);
        }
    }
}
