package io.mrtck.backup;

import io.mrtck.reference.Mutant;

/**
 * The tool mutants ({@link Mutant}, "tool mutant") switched on by {@code -Dmrtck.mutant}: each
 * tool asks at the one place its defect lives. Read at every call, as the meta-test sets the
 * property between suite runs in one JVM.
 */
public final class ToolDefects {
    private ToolDefects() {
    }

    public static boolean on(Mutant defect) {
        return Mutant.fromProperty().contains(defect);
    }
}
