package io.mrtck.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A one-page summary of a run: per test class how many passed, failed and were skipped,
 * every failure and skip with its reason, and the slowest tests.
 */
public final class ConformanceReport {
    private final List<TestOutcome> outcomes;
    private final String target;

    public ConformanceReport(List<TestOutcome> outcomes, String target) {
        this.outcomes = outcomes;
        this.target = target;
    }

    public boolean passed() {
        return !outcomes.isEmpty() && outcomes.stream().noneMatch(o -> o.status().equals("FAILED") || o.status().equals("ERROR"));
    }

    public String markdown() {
        StringBuilder b = new StringBuilder("# mrtck conformance report\n\n");
        long pass = count("PASSED");
        long fail = count("FAILED") + count("ERROR");
        long skip = count("SKIPPED");
        b.append(String.format("Target: `%s`. %d tests: %d passed, %d failed, %d skipped. Verdict: **%s**%n%n",
            target, outcomes.size(), pass, fail, skip, passed() ? "PASS" : "FAIL"));
        b.append("| behaviour (test class) | passed | failed | skipped |\n|---|---|---|---|\n");
        Map<String, List<TestOutcome>> bySuite = outcomes.stream()
            .collect(Collectors.groupingBy(TestOutcome::suite, TreeMap::new, Collectors.toList()));
        bySuite.forEach((suite, list) -> b.append(String.format("| %s | %d | %d | %d |%n", suite,
            list.stream().filter(o -> o.status().equals("PASSED")).count(),
            list.stream().filter(o -> o.status().equals("FAILED") || o.status().equals("ERROR")).count(),
            list.stream().filter(o -> o.status().equals("SKIPPED")).count())));
        List<TestOutcome> notPassed = outcomes.stream().filter(o -> !o.status().equals("PASSED")).toList();
        if (!notPassed.isEmpty()) {
            b.append("\n## Failures and skips\n\n");
            notPassed.forEach(o -> b.append(String.format("- %s %s.%s: %s%n", o.status(), o.suite(), o.name(),
                o.detail().isBlank() ? "(no message)" : o.detail().replace('\n', ' '))));
        }
        b.append("\n## Slowest tests\n\n| test | seconds |\n|---|---|\n");
        outcomes.stream().sorted((x, y) -> Double.compare(y.seconds(), x.seconds())).limit(10)
            .forEach(o -> b.append(String.format("| %s.%s | %.2f |%n", o.suite(), o.name(), o.seconds())));
        return b.toString();
    }

    private long count(String status) {
        return outcomes.stream().filter(o -> o.status().equals(status)).count();
    }
}
