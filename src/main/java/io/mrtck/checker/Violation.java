package io.mrtck.checker;

import java.util.List;

import io.mrtck.history.Op;

/**
 * One broken invariant: which ({@code invariant}, e.g. "INV-NOLOSS"), where (table and key; null
 * for a statistics sample), the history indexes of the operations involved, and a paragraph
 * saying what diverged and what the history says happened to the key.
 */
public record Violation(String invariant, String table, String key, List<Long> ops, String message) {

    public Violation {
        ops = List.copyOf(ops);
    }

    /** A violation on a row: {@code what} diverged, followed by the row's story. */
    static Violation ofKey(String invariant, KeyOps key, String what, List<Op> involved) {
        List<Long> indexes = involved.stream().map(Op::index).distinct().sorted().toList();
        return new Violation(invariant, key.table(), key.key(), indexes,
            "key " + key.key() + ": " + what + " " + KeyStory.of(key, indexes));
    }

    /** How a READ showed the row: "holds {...} (modified 1700…, expires never)" or "has no row". */
    static String state(Op read) {
        if (read.value() == null) {
            return "has no row";
        }
        return "holds " + KeyStory.shorten(read.value()) + " (modified " + time(read.modificationTime())
            + ", expires " + (read.expirationTime() == null ? "unknown"
                : read.expirationTime() == 0 ? "never" : read.expirationTime().toString()) + ")";
    }

    static String time(Long ms) {
        return ms == null ? "at an unknown time" : ms.toString();
    }

    /** One line per violation: code, where, the operations involved, then the message. */
    public String describe() {
        StringBuilder b = new StringBuilder("[").append(invariant).append(']');
        if (table != null) {
            b.append(" table ").append(table);
        }
        if (key != null) {
            b.append(" key ").append(key);
        }
        if (!ops.isEmpty()) {
            b.append(" ops ");
            for (int i = 0; i < ops.size(); i++) {
                b.append(i == 0 ? "#" : ", #").append(ops.get(i));
            }
        }
        return b.append(": ").append(message).toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
