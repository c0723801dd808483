package io.mrtck.checker;

import java.util.List;

/** What the {@link Checker} found: no violations means the history is consistent with MR semantics. */
public record Verdict(int operations, List<Violation> violations) {

    public Verdict {
        violations = List.copyOf(violations);
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    /** The codes of the invariants broken, in the order first found. */
    public List<String> invariantsBroken() {
        return violations.stream().map(Violation::invariant).distinct().toList();
    }

    /** A headline, then every violation on its own line. */
    public String describe() {
        StringBuilder b = new StringBuilder(ok()
            ? "history of " + operations + " operations: OK, no invariant broken"
            : "history of " + operations + " operations: " + violations.size() + " violation(s) of "
                + String.join(", ", invariantsBroken()));
        for (Violation v : violations) {
            b.append('\n').append("- ").append(v.describe());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
