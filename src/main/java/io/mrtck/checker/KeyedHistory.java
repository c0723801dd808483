package io.mrtck.checker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mrtck.history.History;
import io.mrtck.history.Op;

/**
 * A history grouped once for the invariants: the operations of each row, the QUIESCE markers, the
 * statistics samples and each table's MR counters. Built in one pass over the operations.
 */
public final class KeyedHistory {
    private final List<Op> ops;
    private final Map<String, KeyOps> keys = new LinkedHashMap<>();
    private final Map<String, List<String>> counters = new HashMap<>();
    private final List<Op> quiesces = new ArrayList<>();
    private final List<Op> stats = new ArrayList<>();
    private final List<Op> faults = new ArrayList<>();

    public KeyedHistory(History history) {
        this(history.ops());
    }

    /** @param ops the operations in index order */
    public KeyedHistory(List<Op> ops) {
        this.ops = List.copyOf(ops);
        long lastQuiesce = Long.MAX_VALUE;
        for (Op op : this.ops) {
            switch (op.kind()) {
                case QUIESCE -> {
                    quiesces.add(op);
                    lastQuiesce = op.index();
                }
                case STATS -> stats.add(op);
                case FAULT -> faults.add(op);
                case TABLE -> counters.put(op.table(), op.counter() == null || op.counter().isBlank() ? List.of()
                    : List.of(op.counter().trim().split("\\s*,\\s*")));
                default -> {
                }
            }
        }
        for (Op op : this.ops) {
            if ((op.kind().isWrite() || op.kind() == Op.Kind.READ) && op.key() != null) {
                boolean finalRead = op.kind() == Op.Kind.READ && op.index() > lastQuiesce;
                keys.computeIfAbsent(op.table() + '\u0000' + op.key(), k -> new KeyOps(op.table(), op.key()))
                    .add(op, finalRead);
            }
        }
    }

    public List<Op> ops() {
        return ops;
    }

    public Collection<KeyOps> keys() {
        return keys.values();
    }

    /** The MR counters of a table as its TABLE entry lists them (none if it has no entry). */
    public List<String> counters(String table) {
        return counters.getOrDefault(table, List.of());
    }

    public List<Op> quiesces() {
        return quiesces;
    }

    public List<Op> stats() {
        return stats;
    }

    public List<Op> faults() {
        return faults;
    }
}
