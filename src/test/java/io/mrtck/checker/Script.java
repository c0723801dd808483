package io.mrtck.checker;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.mrtck.history.History;
import io.mrtck.history.Op;

/**
 * Writes a history by hand, one operation after the other on a clock that advances 10 ms per
 * operation (each lasting 4 ms, modification time 2 ms after invocation), unless told otherwise.
 */
final class Script {
    static final long T0 = 1_700_000_000_000L;
    final List<Op> ops = new ArrayList<>();
    long clock = T0;

    Op add(Op.Kind kind, String region, String table, String key, Consumer<Step> how) {
        Step s = new Step();
        s.index = ops.size();
        s.kind = kind;
        s.region = region;
        s.table = table;
        s.key = key;
        s.invokeMs = clock;
        s.completeMs = clock + 4;
        if (kind.isWrite()) {
            s.modificationTime = clock + 2;
            s.expirationTime = 0L;
        }
        how.accept(s);
        clock = Math.max(clock + 10, s.completeMs + 6);
        Op op = s.build();
        ops.add(op);
        return op;
    }

    Op table(String table, String counters) {
        return add(Op.Kind.TABLE, null, table, null, s -> {
            s.counter = counters;
            s.note = "CREATE TABLE " + table;
        });
    }

    Op put(String region, String table, String key, String value) {
        return add(Op.Kind.PUT, region, table, key, s -> s.value = value);
    }

    Op increment(String region, String table, String key, String counter, long delta) {
        return add(Op.Kind.INCREMENT, region, table, key, s -> {
            s.counter = counter;
            s.delta = BigDecimal.valueOf(delta);
        });
    }

    Op delete(String region, String table, String key) {
        return add(Op.Kind.DELETE, region, table, key, s -> s.expirationTime = null);
    }

    Op read(String region, String table, String key, String value, Long mt, Long exp) {
        return add(Op.Kind.READ, region, table, key, s -> s.times(value == null ? null : mt, value == null ? null : exp)
            .value(value));
    }

    Op quiesce() {
        return add(Op.Kind.QUIESCE, null, null, null, s -> s.process = "checker");
    }

    History history() {
        History h = new History();
        ops.forEach(h::add);
        return h;
    }
}
