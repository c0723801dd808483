package io.mrtck.harness;

import java.util.Map;
import java.util.Set;

import io.mrtck.reference.Mutant;

/**
 * The harness's settings ({@code mrtck.mutant}, the wait bounds): a system property, unless
 * the current run says otherwise. A run that starts suites itself (the mutant meta-test runs
 * several at once, each against its own mutant) gives its settings to its thread and to the
 * threads that thread starts, instead of changing the JVM's properties under everyone.
 */
public final class RunSettings {
    private static final InheritableThreadLocal<Map<String, String>> OVERRIDES = new InheritableThreadLocal<>() {
        @Override
        protected Map<String, String> initialValue() {
            return Map.of();
        }
    };

    private RunSettings() {
    }

    public static String get(String property, String byDefault) {
        String v = OVERRIDES.get().get(property);
        return v != null ? v : System.getProperty(property, byDefault);
    }

    /**
     * Runs {@code work} on this thread (and threads it starts) with {@code settings} in force; a
     * mutant among them is also in force for the kit's tools run in this JVM ({@link Mutant#active()}).
     */
    public static void with(Map<String, String> settings, Runnable work) {
        Map<String, String> before = OVERRIDES.get();
        OVERRIDES.set(Map.copyOf(settings));
        try {
            String mutant = settings.get(MultiRegionExtension.MUTANT_PROPERTY);
            if (mutant == null || mutant.isBlank()) {
                work.run();
            } else {
                Mutant.runWith(Set.of(Mutant.valueOf(mutant.strip())), work);
            }
        } finally {
            OVERRIDES.set(before);
        }
    }
}
