package io.mrtck.checker;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import io.mrtck.history.Op;

/**
 * A short account of what the history says happened to a row, for violation messages: its
 * operations in order, one short item each; long stories keep their start, their end and the
 * operations the violation names.
 */
final class KeyStory {
    private static final int HEAD = 3;
    private static final int TAIL = 12;
    private static final int VALUE_CHARS = 60;

    private KeyStory() {
    }

    static String of(KeyOps key, Collection<Long> involved) {
        List<Op> ops = key.ops();
        TreeSet<Integer> shown = new TreeSet<>();
        for (int i = 0; i < ops.size(); i++) {
            if (i < HEAD || i >= ops.size() - TAIL || involved.contains(ops.get(i).index())) {
                shown.add(i);
            }
        }
        StringBuilder b = new StringBuilder("History of the key: ");
        int previous = -1;
        for (int i : shown) {
            if (previous >= 0) {
                b.append(i == previous + 1 ? "; " : "; … " + (i - previous - 1) + " more …; ");
            }
            b.append(item(ops.get(i)));
            previous = i;
        }
        return b.append('.').toString();
    }

    /** One operation in a few words: "#41 PUT FR ok mt=1700000000456 exp=0 {"id":3,"v":"b"}". */
    static String item(Op op) {
        StringBuilder b = new StringBuilder("#").append(op.index()).append(' ').append(op.kind()).append(' ')
            .append(op.region()).append(' ').append(op.outcome() == null ? "?" : op.outcome().name().toLowerCase(java.util.Locale.ROOT));
        if (Boolean.FALSE.equals(op.applied())) {
            b.append(" (not applied)");
        }
        if (op.kind() == Op.Kind.INCREMENT) {
            b.append(' ').append(op.counter()).append(op.delta() == null || op.delta().signum() < 0 ? "" : "+")
                .append(op.delta());
        }
        if (op.ttl() != null) {
            b.append(" ttl ").append(op.ttl());
        }
        if (op.modificationTime() != null) {
            b.append(" mt=").append(op.modificationTime());
        }
        if (op.expirationTime() != null && op.expirationTime() != 0) {
            b.append(" exp=").append(op.expirationTime());
        }
        if (op.kind() == Op.Kind.READ) {
            b.append(op.value() == null ? " → no row" : " → " + shorten(op.value()));
        } else if (op.value() != null) {
            b.append(' ').append(shorten(op.value()));
        }
        return b.toString();
    }

    static String shorten(String value) {
        return value.length() <= VALUE_CHARS ? value : value.substring(0, VALUE_CHARS - 1) + "…";
    }
}
