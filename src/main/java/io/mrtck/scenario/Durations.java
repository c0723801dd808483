package io.mrtck.scenario;

import java.time.Duration;

/** Durations as scenario files write them: {@code 500ms}, {@code 90s}, {@code 5m}, {@code 2h}, {@code 3d}, maybe negative. */
final class Durations {
    private Durations() {
    }

    static Duration parse(String text) {
        String t = text.strip();
        var m = java.util.regex.Pattern.compile("(-?\\d+)\\s*(ms|s|m|h|d)").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("duration '" + text + "' is not like 500ms, 90s, 5m, 2h or 3d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (ms != 0 && ms % units[i] == 0) {
                return ms / units[i] + names[i];
            }
        }
        return ms + "ms";
    }
}
