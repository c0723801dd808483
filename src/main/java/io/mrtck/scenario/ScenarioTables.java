package io.mrtck.scenario;

import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mrtck.model.ModelTable;
import io.mrtck.model.ModelTable.Column;
import io.mrtck.model.RowValues;
import io.mrtck.model.Ttl;

/** The table shapes a scenario can declare (docs/scenarios.md), their keys and their rows. */
final class ScenarioTables {
    private ScenarioTables() {
    }

    static ModelTable of(Scenario.TableSpec spec) {
        Ttl ttl = spec.ttl() == null ? null : Ttl.parse(spec.ttl());
        return switch (spec.shape()) {
            case "counters" -> new ModelTable(spec.name(), List.of(Column.of("id", "INTEGER"), Column.of("v", "STRING"),
                Column.counter("cnt", "INTEGER"), Column.json("doc", "hits")), List.of("id"), 0, ttl);
            case "sharded" -> new ModelTable(spec.name(), List.of(Column.of("sid", "INTEGER"), Column.of("id", "INTEGER"),
                Column.of("v", "STRING")), List.of("sid", "id"), 1, ttl);
            case "keyonly" -> new ModelTable(spec.name(), List.of(Column.of("id", "INTEGER")), List.of("id"), 0, ttl);
            default -> new ModelTable(spec.name(), List.of(Column.of("id", "INTEGER"), Column.of("v", "STRING"),
                Column.of("n", "LONG"), Column.json("doc")), List.of("id"), 0, ttl);
        };
    }

    static boolean sharded(ModelTable t) {
        return t.shardKeySize() > 0 && t.shardKeySize() < t.primaryKey().size();
    }

    /** The primary key of key number {@code n}: {@code id = n}, or {@code sid = n / 10, id = n % 10}. */
    static ObjectNode key(ModelTable t, int n) {
        ObjectNode key = RowValues.JSON.createObjectNode();
        if (sharded(t)) {
            return key.put("sid", n / 10).put("id", n % 10);
        }
        return key.put("id", n);
    }

    /** The key numbers of the shard key number {@code n} is in. */
    static List<Integer> shardOf(int n) {
        int first = n / 10 * 10;
        return java.util.stream.IntStream.range(first, first + 10).boxed().toList();
    }

    static ObjectNode row(ModelTable t, int n, SplittableRandom random) {
        ObjectNode row = key(t, n);
        for (Column c : t.columns()) {
            if (row.has(c.name())) {
                continue;
            }
            switch (c.type()) {
                case "STRING" -> row.put(c.name(), "s" + random.nextInt(1_000_000));
                case "LONG" -> row.put(c.name(), random.nextLong(-5_000_000_000L, 5_000_000_000L));
                case "INTEGER" -> row.put(c.name(), c.counter() ? 0 : random.nextInt(1000));
                default -> {
                    ObjectNode doc = row.putObject(c.name()).put("a", random.nextInt(100));
                    c.jsonCounters().forEach(f -> doc.put(f, 0));
                }
            }
        }
        return row;
    }
}
