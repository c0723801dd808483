package io.mrtck.mutants;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Configuration parameter naming the meta-test's run a test belongs to (runs go on at once). */
    static final String RUN_PARAMETER = "mrtck.mutants.run";
    /** The first failure of each run (display name), by run. */
    private static final Map<String, AtomicReference<String>> FIRST_FAILURES = new ConcurrentHashMap<>();

    /** The first failure of {@code run}: null until one is recorded. */
    static AtomicReference<String> firstFailure(String run) {
        return FIRST_FAILURES.computeIfAbsent(run, r -> new AtomicReference<>());
    }

    static void forget(String run) {
        FIRST_FAILURES.remove(run);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String caught = context.getConfigurationParameter(RUN_PARAMETER).map(r -> firstFailure(r).get()).orElse(null);
        return caught == null ? ConditionEvaluationResult.enabled("no failure yet")
            : ConditionEvaluationResult.disabled("the mutant was already caught by " + caught);
    }
}
