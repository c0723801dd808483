package io.mrtck.backup;

import io.mrtck.reference.Mutant;

/**
 * The tool mutants ({@link Mutant}, "tool mutant") switched on by {@code -Dmrtck.mutant} or, in
 * the mutant meta-test's runs, for one thread ({@link Mutant#runWith}): each tool asks at the one
 * place its defect lives, at every call.
 */
public final class ToolDefects {
    private ToolDefects() {
    }

    public static boolean on(Mutant defect) {
        return Mutant.active().contains(defect);
    }
}
