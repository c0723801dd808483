package io.mrtck.harness;

import java.util.Map;

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

    /** Runs {@code work} on this thread (and threads it starts) with {@code settings} in force. */
    public static void with(Map<String, String> settings, Runnable work) {
        Map<String, String> before = OVERRIDES.get();
        OVERRIDES.set(Map.copyOf(settings));
        try {
            work.run();
        } finally {
            OVERRIDES.set(before);
        }
    }
}
