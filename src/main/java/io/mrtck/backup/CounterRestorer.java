package io.mrtck.backup;

import java.util.ArrayList;
import java.util.List;

import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.ops.PrepareRequest;
import oracle.nosql.driver.ops.PreparedStatement;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/**
 * Gives an imported row its exported MR counter values the one way a real release allows: a put
 * stores 0 for every counter and an INSERT refuses a counter value ("MR_Counter column must use
 * DEFAULT construct."), so the counters are then raised by {@code UPDATE … SET c = c + v} (JSON
 * counters {@code SET t.doc.hits = t.doc.hits + v}). What is added is the exported value minus the
 * value the row holds, so a row met again after an interrupted import is not counted twice.
 */
final class CounterRestorer {
    private static final String ALIAS = "$mr";

    private final NoSQLHandle handle;
    private final TableDefinition table;
    private final List<CounterField> counters;
    private final int requestTimeoutMs;
    private PreparedStatement prepared;

    CounterRestorer(NoSQLHandle handle, TableDefinition table, int requestTimeoutMs) {
        this.handle = handle;
        this.table = table;
        this.counters = table.counters();
        this.requestTimeoutMs = requestTimeoutMs;
    }

    boolean hasCounters() {
        return !counters.isEmpty();
    }

    /**
     * Adds to each counter of the row with {@code key} what it lacks to equal {@code exported}'s
     * value; {@code current} is what the row holds (null: a row just inserted, every counter 0).
     */
    void restore(MapValue key, MapValue exported, MapValue current) {
        List<FieldValue> deltas = new ArrayList<>();
        boolean any = false;
        for (CounterField c : counters) {
            FieldValue d = c.delta(c.read(exported), current == null ? null : c.read(current));
            any |= d != null;
            deltas.add(d == null ? c.zero() : d);
        }
        if (!any) {
            return;
        }
        PreparedStatement ps = statement().copyStatement();
        for (int i = 0; i < deltas.size(); i++) {
            ps.setVariable("$d" + i, deltas.get(i));
        }
        for (int i = 0; i < table.primaryKey().size(); i++) {
            ps.setVariable("$k" + i, key.get(table.primaryKey().get(i)));
        }
        try (QueryRequest q = new QueryRequest().setPreparedStatement(ps).setTimeout(requestTimeoutMs)) {
            handle.query(q);
        }
    }

    /** {@code DECLARE $d0 LONG; $k0 INTEGER; …}: each variable of the statement with its type. */
    private String declarations() {
        StringBuilder b = new StringBuilder("DECLARE ");
        for (int i = 0; i < counters.size(); i++) {
            b.append("$d").append(i).append(' ').append(counters.get(i).type()).append("; ");
        }
        for (int i = 0; i < table.primaryKey().size(); i++) {
            b.append("$k").append(i).append(' ').append(keyType(table.column(table.primaryKey().get(i)))).append("; ");
        }
        return b.toString();
    }

    /** A key column's type as a variable declares it; any other atomic type as ANYATOMIC. */
    private static String keyType(Column c) {
        return switch (c.typeName()) {
            case "INTEGER", "LONG", "FLOAT", "DOUBLE", "NUMBER", "STRING", "BOOLEAN" -> c.typeName();
            case "TIMESTAMP" -> "TIMESTAMP(" + c.type().path("precision").asInt(9) + ")";
            default -> "ANYATOMIC";
        };
    }

    private PreparedStatement statement() {
        if (prepared == null) {
            List<String> sets = new ArrayList<>();
            for (int i = 0; i < counters.size(); i++) {
                String path = counters.get(i).sqlPath(ALIAS);
                sets.add(path + " = " + path + " + $d" + i);
            }
            List<String> where = new ArrayList<>();
            for (int i = 0; i < table.primaryKey().size(); i++) {
                where.add(ALIAS + "." + table.primaryKey().get(i) + " = $k" + i);
            }
            String sql = declarations() + "UPDATE " + table.name() + " " + ALIAS + " SET " + String.join(", ", sets)
                + " WHERE " + String.join(" AND ", where);
            prepared = handle.prepare(new PrepareRequest().setStatement(sql).setTimeout(requestTimeoutMs))
                .getPreparedStatement();
        }
        return prepared;
    }
}
