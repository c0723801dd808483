package io.mrtck.scenario;

import java.time.Duration;
import java.util.List;

import io.mrtck.checker.Violation;
import io.mrtck.history.History;

/**
 * What a scenario run came to: PASSED (every check held), FAILED (with the violations, the first
 * failing step named in {@code reason}) or SKIPPED (the target cannot do a step; the reason names it).
 */
public record ScenarioOutcome(Scenario scenario, Status status, String reason, List<Violation> violations,
                              History history, Duration took) {

    public enum Status { PASSED, FAILED, SKIPPED }

    public ScenarioOutcome {
        violations = List.copyOf(violations);
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    /** The invariants broken, in the order first found. */
    public List<String> invariantsBroken() {
        return violations.stream().map(Violation::invariant).distinct().toList();
    }

    public String describe() {
        StringBuilder b = new StringBuilder("scenario ").append(scenario.id()).append(": ").append(status);
        if (status == Status.FAILED) {
            b.append(" — ").append(String.join(", ", invariantsBroken()));
        }
        if (reason != null) {
            b.append(" (").append(reason).append(')');
        }
        b.append(" in ").append(took.toMillis()).append(" ms, ").append(history.size()).append(" operations");
        violations.stream().limit(20).forEach(v -> b.append("\n- ").append(v.describe()));
        if (violations.size() > 20) {
            b.append("\n- … and ").append(violations.size() - 20).append(" more");
        }
        return b.toString();
    }
}
