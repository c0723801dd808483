package io.mrtck.workload;

import java.util.List;

import io.mrtck.model.ModelTable;
import io.mrtck.model.ModelTable.Column;
import io.mrtck.model.Ttl;

/**
 * The tables a model run writes: a plain one (strings, numbers, a JSON document), one with MR
 * counters (a counter column and a counter inside a JSON document) and one with a shard key and
 * a default TTL (for write-multiple, multi-delete and the table default).
 */
public final class ModelTables {
    private ModelTables() {
    }

    public static ModelTable plain(String name) {
        return new ModelTable(name, List.of(Column.of("id", "INTEGER"), Column.of("v", "STRING"),
            Column.of("n", "LONG"), Column.json("doc")), List.of("id"), 0, null);
    }

    public static ModelTable counters(String name) {
        return new ModelTable(name, List.of(Column.of("id", "INTEGER"), Column.of("v", "STRING"),
            Column.counter("cnt", "INTEGER"), Column.json("doc", "hits")), List.of("id"), 0, null);
    }

    public static ModelTable sharded(String name) {
        return new ModelTable(name, List.of(Column.of("sid", "INTEGER"), Column.of("id", "INTEGER"),
            Column.of("v", "STRING")), List.of("sid", "id"), 1, Ttl.parse("2 DAYS"));
    }
}
