package io.mrtck.checker;

import java.util.ArrayList;
import java.util.List;

import io.mrtck.history.History;
import io.mrtck.history.Op;

/**
 * Judges a {@link History} against the catalogue's invariants (INV-CONV, INV-NOLOSS, INV-NORES,
 * INV-CTR, INV-TTL, INV-STATS): groups it by row once, then lets each invariant look at it.
 */
public final class Checker {
    private final List<Invariant> invariants;

    public Checker(List<Invariant> invariants) {
        this.invariants = List.copyOf(invariants);
    }

    /** Every invariant the checker knows. */
    public static Checker standard() {
        return new Checker(List.of(new FinalStatesAgree(), new NoLostWrites(), new NoResurrection(),
            new CountersAddUp(), new ExpirationTimes(), new SaneAgentStatistics()));
    }

    public Verdict check(History history) {
        return check(history.ops());
    }

    /** @param ops the operations in index order */
    public Verdict check(List<Op> ops) {
        KeyedHistory keyed = new KeyedHistory(ops);
        List<Violation> violations = new ArrayList<>();
        for (Invariant invariant : invariants) {
            violations.addAll(invariant.check(keyed));
        }
        return new Verdict(ops.size(), violations);
    }
}
