package io.mrtck.mutants;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Once a test has failed under a mutant, the rest of that run is skipped: one failure is all
 * the meta-test needs, and every further failing test would wait out its convergence timeout.
 * Registered by service loading, so it acts only where extension auto-detection is switched on
 * (the meta-test's own runs); outside them no failure is ever recorded and it never skips.
 */
public final class StopAfterFirstFailure implements ExecutionCondition {
    /** The first failure of the current run (display name), or null. */
    static final AtomicReference<String> FIRST_FAILURE = new AtomicReference<>();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String caught = FIRST_FAILURE.get();
        return caught == null ? ConditionEvaluationResult.enabled("no failure yet")
            : ConditionEvaluationResult.disabled("the mutant was already caught by " + caught);
    }
}
