package io.mrtck.workload;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mrtck.history.History;
import io.mrtck.history.Op;
import io.mrtck.history.OpBuilder;
import io.mrtck.model.ModelTable;
import io.mrtck.model.RowValues;
import io.mrtck.model.Ttl;
import io.mrtck.model.Write;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.TimeToLive;
import oracle.nosql.driver.Version;
import oracle.nosql.driver.ops.DeleteRequest;
import oracle.nosql.driver.ops.MultiDeleteRequest;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.ops.QueryResult;
import oracle.nosql.driver.ops.WriteMultipleRequest;
import oracle.nosql.driver.ops.WriteMultipleResult;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/**
 * The workload's client: makes a model {@link Write} in a region through the SDK — as an SDK
 * request or as SQL, as the write asks — and records it in the {@link History}. Returns whether
 * the region says the write happened.
 */
public final class SdkWriter {
    private final History history;
    private final String process;
    private final AtomicLong batches = new AtomicLong();

    /** Whether an UPDATE asks for the row it leaves (RETURNING *) and records it as the write's value. */
    private final boolean returning;

    public SdkWriter(History history, String process) {
        this(history, process, false);
    }

    /**
     * @param returning record the row an UPDATE leaves, from its RETURNING clause: the value a
     *                  concurrent run cannot read back afterwards without racing other writers
     */
    public SdkWriter(History history, String process, boolean returning) {
        this.history = history;
        this.process = process;
        this.returning = returning;
    }

    /** Whether the region says the write happened, and the history entries that recorded it. */
    public record Written(boolean applied, List<Op> ops) {
    }

    /**
     * @param version IF_VERSION writes: the SDK version the client read
     * @param sql     send puts, deletes as SQL (UPSERT/INSERT, DELETE) instead of SDK requests
     * @param rows    a multi-delete: the keys of the shard's rows, recorded as one delete each
     */
    public Written write(String region, NoSQLHandle h, ModelTable t, Write w, Version version, boolean sql,
                         List<ObjectNode> rows) {
        recorded.clear();
        boolean applied = make(region, h, t, w, version, sql, rows);
        return new Written(applied, List.copyOf(recorded));
    }

    private final List<Op> recorded = new java.util.ArrayList<>();

    private boolean make(String region, NoSQLHandle h, ModelTable t, Write w, Version version, boolean sql,
                         List<ObjectNode> rows) {
        if (w instanceof Write.Batch b) {
            return batch(region, h, t, b);
        }
        if (w instanceof Write.MultiDelete m) {
            long id = batches.incrementAndGet();
            List<OpBuilder> ops = rows.stream().map(k -> record(region, Op.Kind.DELETE, t, k, null).batch(id)
                .note("multiDelete " + m.shardKey())).toList();
            boolean deleted = h.multiDelete(new MultiDeleteRequest().setTableName(t.name())
                .setKey(map(m.shardKey()))).getNumDeletions() > 0;
            ops.forEach(o -> recorded.add(o.ok(deleted)));
            return deleted;
        }
        if (w instanceof Write.Put p) {
            OpBuilder op = record(region, kind(p.condition()), t, p.row(), p.row().toString())
                .ttl(p.ttl() == null ? null : p.ttl().toString());
            if (sql && (p.condition() == Write.Condition.ALWAYS || p.condition() == Write.Condition.IF_ABSENT)
                    && !p.tableDefaultTtl()) {
                String statement = (p.condition() == Write.Condition.ALWAYS ? "UPSERT" : "INSERT") + " INTO "
                    + t.name() + " VALUES(" + values(t, p.row()) + ")" + (p.ttl() == null ? "" : " SET TTL " + p.ttl());
                long inserted = count(h, statement);
                // an UPSERT over an existing row answers NumRowsInserted 0 (as the real engine does)
                return done(op.note(statement), p.condition() == Write.Condition.ALWAYS || inserted > 0);
            }
            return done(op, h.put(put(t, p, version)).getVersion() != null);
        }
        if (w instanceof Write.Delete d) {
            OpBuilder op = record(region, d.condition() == Write.Condition.IF_VERSION ? Op.Kind.DELETE_IF_VERSION
                : Op.Kind.DELETE, t, d.key(), null);
            if (sql && d.condition() == Write.Condition.ALWAYS) {
                String statement = "DELETE FROM " + t.name() + " u WHERE " + where(t, d.key());
                return done(op.note(statement), count(h, statement) > 0);
            }
            return done(op, h.delete(new DeleteRequest().setTableName(t.name()).setKey(map(d.key()))
                .setMatchVersion(d.condition() == Write.Condition.IF_VERSION ? version : null)).getSuccess());
        }
        Write.Update u = (Write.Update) w;
        String statement = update(t, u);
        Op.Kind kind = u.clauses().stream().allMatch(c -> c instanceof Write.Increment) ? Op.Kind.INCREMENT
            : u.clauses().stream().allMatch(c -> c instanceof Write.SetTtl) ? Op.Kind.SET_TTL : Op.Kind.UPDATE;
        OpBuilder op = record(region, kind, t, u.key(), null).note(statement);
        if (returning && kind == Op.Kind.UPDATE) {
            try (QueryRequest q = new QueryRequest().setStatement(statement + " RETURNING *")) {
                List<MapValue> left = h.query(q).getResults();
                if (!left.isEmpty()) {
                    op.value(left.get(0).toJson());
                }
                return done(op, !left.isEmpty());
            }
        }
        u.clauses().stream().filter(c -> c instanceof Write.Increment).map(c -> (Write.Increment) c).findFirst()
            .ifPresent(i -> op.increment(i.path(), BigDecimal.valueOf(i.delta())));
        u.clauses().stream().filter(c -> c instanceof Write.SetTtl).map(c -> (Write.SetTtl) c).findFirst()
            .ifPresent(s -> op.ttl(s.ttl() == null ? "TABLE DEFAULT" : s.ttl().toString()));
        return done(op, count(h, statement) > 0);
    }

    private boolean batch(String region, NoSQLHandle h, ModelTable t, Write.Batch b) {
        long id = batches.incrementAndGet();
        WriteMultipleRequest request = new WriteMultipleRequest();
        List<OpBuilder> ops = new java.util.ArrayList<>();
        for (Write w : b.writes()) {
            if (w instanceof Write.Put p) {
                ops.add(record(region, kind(p.condition()), t, p.row(), p.row().toString()).batch(id)
                    .ttl(p.ttl() == null ? null : p.ttl().toString()));
                request.add(put(t, p, null), p.condition() != Write.Condition.ALWAYS);
            } else {
                Write.Delete d = (Write.Delete) w;
                ops.add(record(region, Op.Kind.DELETE, t, d.key(), null).batch(id));
                request.add(new DeleteRequest().setTableName(t.name()).setKey(map(d.key())), false);
            }
        }
        try {
            WriteMultipleResult result = h.writeMultiple(request);
            for (int i = 0; i < ops.size(); i++) {
                // each write's own answer: a delete of a missing row did nothing, even in a batch that succeeded
                recorded.add(ops.get(i).ok(result.getSuccess() && result.getResults().get(i).getSuccess()));
            }
            return result.getSuccess();
        } catch (RuntimeException e) {
            ops.forEach(o -> recorded.add(o.info(e.toString())));
            throw e;
        }
    }

    private OpBuilder record(String region, Op.Kind kind, ModelTable t, ObjectNode row, String value) {
        return history.invoke(process, region, kind).row(t.name(), RowValues.key(t, row)).value(value);
    }

    private boolean done(OpBuilder op, boolean applied) {
        recorded.add(op.ok(applied));
        return applied;
    }

    private static Op.Kind kind(Write.Condition c) {
        return switch (c) {
            case ALWAYS -> Op.Kind.PUT;
            case IF_ABSENT -> Op.Kind.PUT_IF_ABSENT;
            case IF_PRESENT -> Op.Kind.PUT_IF_PRESENT;
            case IF_VERSION -> Op.Kind.PUT_IF_VERSION;
        };
    }

    private static PutRequest put(ModelTable t, Write.Put p, Version version) {
        PutRequest r = new PutRequest().setTableName(t.name()).setValue(map(p.row()));
        switch (p.condition()) {
            case IF_ABSENT -> r.setOption(PutRequest.Option.IfAbsent);
            case IF_PRESENT -> r.setOption(PutRequest.Option.IfPresent);
            case IF_VERSION -> r.setMatchVersion(version);
            default -> { }
        }
        if (p.ttl() != null) {
            r.setTTL(p.ttl().days() ? TimeToLive.ofDays(p.ttl().amount()) : TimeToLive.ofHours(p.ttl().amount()));
        }
        if (p.tableDefaultTtl()) {
            r.setUseTableDefaultTTL(true);
        }
        return r;
    }

    public static MapValue map(ObjectNode json) {
        return (MapValue) FieldValue.createFromJson(json.toString(), null);
    }

    /** Runs a DML statement; the number of rows it says it changed. */
    private static long count(NoSQLHandle h, String statement) {
        try (QueryRequest q = new QueryRequest().setStatement(statement)) {
            QueryResult r = h.query(q);
            for (MapValue row : r.getResults()) {
                for (Map.Entry<String, FieldValue> e : row.entrySet()) {
                    return e.getValue().getLong();
                }
            }
            return 0;
        }
    }

    private static String update(ModelTable t, Write.Update u) {
        StringJoiner clauses = new StringJoiner(", ");
        for (Write.Clause c : u.clauses()) {
            if (c instanceof Write.Set s) {
                clauses.add("SET u." + s.path() + " = " + literal(s.value()));
            } else if (c instanceof Write.PutFields f) {
                clauses.add("PUT u." + f.path() + " " + literal(f.fields()));
            } else if (c instanceof Write.Remove r) {
                clauses.add("REMOVE u." + r.path());
            } else if (c instanceof Write.Append a) {
                clauses.add("ADD u." + a.path() + " " + literal(a.value()));
            } else if (c instanceof Write.Increment i) {
                clauses.add("SET u." + i.path() + " = u." + i.path() + (i.delta() < 0 ? " - " + -i.delta() : " + " + i.delta()));
            } else if (c instanceof Write.SetTtl s) {
                clauses.add(s.ttl() == null ? "SET TTL USING TABLE DEFAULT" : "SET TTL " + s.ttl());
            }
        }
        return "UPDATE " + t.name() + " u " + clauses + " WHERE " + where(t, u.key());
    }

    private static String where(ModelTable t, ObjectNode key) {
        StringJoiner j = new StringJoiner(" AND ");
        t.primaryKey().forEach(c -> j.add("u." + c + " = " + literal(key.get(c))));
        return j.toString();
    }

    private static String values(ModelTable t, ObjectNode row) {
        StringJoiner j = new StringJoiner(", ");
        for (ModelTable.Column c : t.columns()) {
            j.add(c.counter() ? "DEFAULT" : literal(row.get(c.name())));
        }
        return j.toString();
    }

    /** A JSON value as a SQL literal: strings single-quoted, objects and arrays as JSON constructors. */
    static String literal(JsonNode v) {
        if (v == null || v.isNull()) {
            return "NULL";
        }
        if (v.isTextual()) {
            return "'" + v.asText().replace("'", "''") + "'";
        }
        return v.toString();
    }
}
