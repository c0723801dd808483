package io.mrtck.reference.sql.functions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;

import io.mrtck.reference.sql.StatementError;
import io.mrtck.reference.sql.expr.EvalContext;
import io.mrtck.reference.sql.expr.Expr;
import io.mrtck.reference.sql.expr.SeqType;
import io.mrtck.reference.sql.expr.SqlType;
import io.mrtck.reference.store.StoredRow;
import oracle.nosql.driver.values.BinaryValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.TimestampValue;

/**
 * Functions on a whole row, whose argument is a table's row variable ({@code $x}): its modification
 * and expiration times, the hours or days it has left (-1 when it does not expire), its storage size
 * and version. The reference keeps no creation time apart from the modification time.
 */
final class RowFunctions {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;

    private RowFunctions() {
    }

    static void register() {
        row("modification_time", SqlType.TIMESTAMP3, (m, ctx) -> new TimestampValue(m.modificationTime()));
        row("creation_time", SqlType.TIMESTAMP3, (m, ctx) -> new TimestampValue(m.modificationTime()));
        row("creation_time_millis", SqlType.LONG, (m, ctx) -> new LongValue(m.modificationTime()));
        row("expiration_time", SqlType.timestamp(0), (m, ctx) -> new TimestampValue(m.expirationTime()));
        row("expiration_time_millis", SqlType.LONG, (m, ctx) -> new LongValue(m.expirationTime()));
        row("remaining_hours", SqlType.INTEGER, (m, ctx) -> new IntegerValue(remaining(m, ctx, HOUR)));
        row("remaining_days", SqlType.INTEGER, (m, ctx) -> new IntegerValue(remaining(m, ctx, DAY)));
        row("row_storage_size", SqlType.INTEGER,
            (m, ctx) -> new IntegerValue(m.value().toJson().getBytes(StandardCharsets.UTF_8).length + m.version().length));
        row("version", SqlType.of(SqlType.Kind.BINARY), (m, ctx) -> new BinaryValue(m.version()));
        row("row_version", SqlType.of(SqlType.Kind.BINARY), (m, ctx) -> new BinaryValue(m.version()));
        row("partition", SqlType.INTEGER, (m, ctx) -> new IntegerValue(1));
        row("shard", SqlType.INTEGER, (m, ctx) -> new IntegerValue(1));
    }

    private static int remaining(StoredRow m, EvalContext ctx, long unit) {
        if (m.expirationTime() == 0) {
            return -1;
        }
        return (int) Math.max(0, (m.expirationTime() - ctx.now()) / unit);
    }

    private static void row(String name, SqlType result, BiFunction<StoredRow, EvalContext, FieldValue> f) {
        BuiltIn.register(name, 1, 1, (args, at) -> {
            Expr arg = args.get(0);
            if (!(arg instanceof Expr.RowRef)) {
                throw StatementError.at(arg.at(), "Cannot promote type :\n" + arg.type() + "\nto type :\nAnyRecord");
            }
            return SeqType.one(result);
        }, (args, call) -> {
            Expr.RowRef ref = (Expr.RowRef) call.args().get(0);
            List<StoredRow> metas = call.ctx().metas();
            StoredRow meta = ref.table() < metas.size() ? metas.get(ref.table()) : null;
            if (meta == null) {
                return BuiltIn.sqlNull();
            }
            return BuiltIn.one(f.apply(meta, call.ctx()));
        });
    }
}
