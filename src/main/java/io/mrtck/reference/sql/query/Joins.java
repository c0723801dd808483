package io.mrtck.reference.sql.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.mrtck.reference.data.Rows;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.sql.expr.EvalContext;
import io.mrtck.reference.sql.expr.Evaluator;
import io.mrtck.reference.sql.expr.Expr;
import io.mrtck.reference.store.StoreTxn;
import io.mrtck.reference.store.StoredRow;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/**
 * The rows of a FROM clause: the rows of its one table, or the tuples of a NESTED TABLES or LEFT
 * OUTER JOIN. Tables of one hierarchy join by primary key (a child row's key starts with its
 * parent's); the target row comes with its ancestor rows and with each of its descendant rows in
 * turn, and alone (descendants NULL) when it has none.
 */
final class Joins {
    private final StoreTxn txn;
    private final Rows rows;
    private final long now;

    Joins(StoreTxn txn, Rows rows, long now) {
        this.txn = txn;
        this.rows = rows;
        this.now = now;
    }

    List<EvalContext> tuples(QueryPlan.From from, List<Expr> keyPrefix, EvalContext base) {
        List<TableSchema> tables = new ArrayList<>();
        from.tables().forEach(n -> tables.add(rows.table(txn, n)));
        TableSchema target = tables.get(from.target());
        List<FieldValue> prefix = QueryRunner.keyPrefix(target, keyPrefix, base);
        List<EvalContext> out = new ArrayList<>();
        for (StoredRow row : scan(target, prefix)) {
            MapValue[] r = new MapValue[tables.size()];
            StoredRow[] m = new StoredRow[tables.size()];
            r[from.target()] = RowImage.complete(target, row.value());
            m[from.target()] = row;
            for (int a : from.ancestors()) {
                StoredRow anc = txn.row(tables.get(a), keyOf(tables.get(a), r[from.target()])).orElse(null);
                if (anc != null && rows.visibleToQueries(anc, now)) {
                    r[a] = RowImage.complete(tables.get(a), anc.value());
                    m[a] = anc;
                    if (!on(from, a, r, m, base)) {
                        r[a] = null;
                        m[a] = null;
                    }
                }
            }
            boolean found = false;
            for (int d : from.descendants()) {
                for (StoredRow child : scan(tables.get(d), keyOf(target, r[from.target()]))) {
                    MapValue[] cr = r.clone();
                    StoredRow[] cm = m.clone();
                    cr[d] = RowImage.complete(tables.get(d), child.value());
                    cm[d] = child;
                    if (on(from, d, cr, cm, base)) {
                        out.add(base.withRows(Arrays.asList(cr), Arrays.asList(cm)));
                        found = true;
                    }
                }
            }
            if (!found) {
                out.add(base.withRows(Arrays.asList(r), Arrays.asList(m)));
            }
        }
        return out;
    }

    private boolean on(QueryPlan.From from, int table, MapValue[] r, StoredRow[] m, EvalContext base) {
        Expr condition = from.on().get(table);
        return condition == null || Evaluator.holds(condition, base.withRows(Arrays.asList(r), Arrays.asList(m)));
    }

    /** The values of {@code table}'s primary-key columns in {@code row}. */
    private static List<FieldValue> keyOf(TableSchema table, MapValue row) {
        List<FieldValue> key = new ArrayList<>();
        for (String k : table.primaryKey()) {
            FieldDef f = table.field(k).orElseThrow();
            key.add(row.get(f.name()));
        }
        return key;
    }

    private List<StoredRow> scan(TableSchema t, List<FieldValue> prefix) {
        List<StoredRow> out = new ArrayList<>();
        txn.scan(t, prefix, null, (key, row) -> {
            if (rows.visibleToQueries(row, now)) {
                out.add(row);
            }
            return true;
        });
        return out;
    }
}
