package io.mrtck.checker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.mrtck.history.Op;

/**
 * The operations of one row (table and key) in index order, with the subsets the invariants share
 * computed once: what took effect or may have, and the final READ of each region.
 */
public final class KeyOps {
    private final String table;
    private final String key;
    private final List<Op> ops = new ArrayList<>();
    private final Map<String, Op> finalReads = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private List<Op> possibleWrites;
    private LatestOf effectiveValuesAndDeletes;
    private LatestOf effectiveDeletes;
    private LatestOf possibleDeletes;
    private LatestOf possibleNonDeletes;
    private LatestOf effectiveNonDeletes;
    private Map<String, List<Op>> writersByText;
    private Map<String, List<Op>> writersByRow;

    KeyOps(String table, String key) {
        this.table = table;
        this.key = key;
    }

    void add(Op op, boolean isFinalRead) {
        ops.add(op);
        if (isFinalRead) {
            finalReads.put(op.region(), op);
        }
    }

    public String table() {
        return table;
    }

    public String key() {
        return key;
    }

    /** Every operation on the row, in index order. */
    public List<Op> ops() {
        return Collections.unmodifiableList(ops);
    }

    /** Region name to the last READ of the row in that region after the last QUIESCE. */
    public Map<String, Op> finalReads() {
        return Collections.unmodifiableMap(finalReads);
    }

    /** The writes that took effect or may have (INFO). */
    public List<Op> possibleWrites() {
        if (possibleWrites == null) {
            possibleWrites = ops.stream().filter(o -> o.kind().isWrite() && o.mayHaveTakenEffect()).toList();
        }
        return possibleWrites;
    }

    /**
     * The puts and updates (that took effect or may have) whose row equals {@code row} once
     * counters are removed, in index order. Exact texts are looked up first; the canonical form
     * (parsing every row) only when the text matches none, or when the table has counters.
     */
    List<Op> writersOf(String row, List<String> counters) {
        if (counters.isEmpty()) {
            if (writersByText == null) {
                writersByText = byValue(null);
            }
            List<Op> exact = writersByText.get(row);
            if (exact != null) {
                return exact;
            }
        }
        if (writersByRow == null) {
            writersByRow = byValue(counters);
        }
        return writersByRow.getOrDefault(RowValues.withoutCounters(row, counters), List.of());
    }

    private Map<String, List<Op>> byValue(List<String> canonicalWithout) {
        Map<String, List<Op>> out = new HashMap<>();
        for (Op w : possibleWrites()) {
            // an increment or TTL update read back carries the row it left too
            if (w.value() != null && w.kind().isWrite() && !w.kind().isDelete()) {
                String k = canonicalWithout == null ? w.value() : RowValues.withoutCounters(w.value(), canonicalWithout);
                out.computeIfAbsent(k, x -> new ArrayList<>(2)).add(w);
            }
        }
        return out;
    }

    /** Whether the write carries the whole row it left (puts and updates). */
    static boolean writesValue(Op op) {
        return op.kind().isWrite() && !op.kind().isDelete() && op.kind() != Op.Kind.INCREMENT
            && op.kind() != Op.Kind.SET_TTL;
    }

    /** Acknowledged puts, updates and deletes: what can replace a row's value. */
    LatestOf effectiveValuesAndDeletes() {
        if (effectiveValuesAndDeletes == null) {
            effectiveValuesAndDeletes = new LatestOf(possibleWrites().stream()
                .filter(o -> o.tookEffect() && (writesValue(o) || o.kind().isDelete())).toList());
        }
        return effectiveValuesAndDeletes;
    }

    LatestOf effectiveDeletes() {
        if (effectiveDeletes == null) {
            effectiveDeletes = new LatestOf(possibleWrites().stream()
                .filter(o -> o.tookEffect() && o.kind().isDelete()).toList());
        }
        return effectiveDeletes;
    }

    LatestOf possibleDeletes() {
        if (possibleDeletes == null) {
            possibleDeletes = new LatestOf(possibleWrites().stream().filter(o -> o.kind().isDelete()).toList());
        }
        return possibleDeletes;
    }

    /** Writes that leave a row (puts, updates, increments, TTL updates) that took effect or may have. */
    LatestOf possibleNonDeletes() {
        if (possibleNonDeletes == null) {
            possibleNonDeletes = new LatestOf(possibleWrites().stream().filter(o -> !o.kind().isDelete()).toList());
        }
        return possibleNonDeletes;
    }

    LatestOf effectiveNonDeletes() {
        if (effectiveNonDeletes == null) {
            effectiveNonDeletes = new LatestOf(possibleWrites().stream()
                .filter(o -> o.tookEffect() && !o.kind().isDelete()).toList());
        }
        return effectiveNonDeletes;
    }

    /**
     * The acknowledged delete that certainly wins over every write that may have left a row, or
     * null: the key must then be absent everywhere.
     */
    Op winningDelete() {
        Op winner = null;
        for (Op d : possibleWrites()) {
            if (d.kind().isDelete() && d.tookEffect() && possibleNonDeletes().mayBeAfter(d) == null
                && (winner == null || WriteOrder.certainlyBefore(winner, d))) {
                winner = d;
            }
        }
        return winner;
    }
}
