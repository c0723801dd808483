package io.mrtck.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The one-page conformance matrix of a run: per behaviour (a suite test method, with all its
 * parameterised cases) whether it holds on the target — pass, fail, or skipped with the
 * reason — then every failure and skip with its reason, the kit's own tests in one line, the
 * mutants table when the meta-test wrote one, and the slowest tests. In Markdown and HTML.
 */
public final class ConformanceReport {
    /** Test classes in this package are the conformance suites; everything else tests the kit itself. */
    public static final String SUITES_PACKAGE = "io.mrtck.suites.";

    private final List<TestOutcome> outcomes;
    private final String target;
    private final String mutantsMarkdown;

    public ConformanceReport(List<TestOutcome> outcomes, String target) {
        this(outcomes, target, null);
    }

    /** @param mutantsMarkdown the meta-test's reports/mutants.md, or null */
    public ConformanceReport(List<TestOutcome> outcomes, String target, String mutantsMarkdown) {
        this.outcomes = outcomes;
        this.target = target;
        this.mutantsMarkdown = mutantsMarkdown;
    }

    public boolean passed() {
        return !outcomes.isEmpty() && outcomes.stream().noneMatch(TestOutcome::failed);
    }

    /** One behaviour: a suite's test method and its cases. */
    record Behaviour(String suite, String method, List<TestOutcome> cases) {
        long count(String status) {
            return cases.stream().filter(o -> o.status().equals(status)).count();
        }

        long failures() {
            return cases.stream().filter(TestOutcome::failed).count();
        }

        String verdict() {
            if (failures() > 0) {
                return "FAIL";
            }
            return count("PASSED") == 0 ? "SKIPPED" : count("SKIPPED") > 0 ? "PASS (some skipped)" : "PASS";
        }

        String reason() {
            return cases.stream().filter(o -> !o.status().equals("PASSED")).map(TestOutcome::detail)
                .filter(d -> !d.isBlank()).map(d -> d.strip().split("\n")[0]).distinct().collect(Collectors.joining("; "));
        }

        /** "aWriteReachesTheOtherRegion" -> "a write reaches the other region". */
        String title() {
            return method.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
        }
    }

    private boolean isSuite(TestOutcome o) {
        return o.className().startsWith(SUITES_PACKAGE);
    }

    List<Behaviour> behaviours() {
        Map<String, Map<String, List<TestOutcome>>> grouped = new TreeMap<>();
        for (TestOutcome o : outcomes) {
            if (isSuite(o)) {
                grouped.computeIfAbsent(o.suite(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(o.method(), k -> new ArrayList<>()).add(o);
            }
        }
        List<Behaviour> out = new ArrayList<>();
        grouped.forEach((suite, methods) -> new TreeMap<>(methods).forEach((m, cases) -> out.add(new Behaviour(suite, m, cases))));
        return out;
    }

    private String headline() {
        List<TestOutcome> suite = outcomes.stream().filter(this::isSuite).toList();
        long kitFailed = outcomes.stream().filter(o -> !isSuite(o) && o.failed()).count();
        return String.format("Target: %s. Suite cases: %d (%d passed, %d failed, %d skipped). "
                + "Kit self-tests: %d (%d failed). Verdict: %s",
            target, suite.size(), suite.stream().filter(o -> o.status().equals("PASSED")).count(),
            suite.stream().filter(TestOutcome::failed).count(), suite.stream().filter(o -> o.status().equals("SKIPPED")).count(),
            outcomes.size() - suite.size(), kitFailed, passed() ? "PASS" : "FAIL");
    }

    private List<TestOutcome> slowest() {
        return outcomes.stream().sorted((x, y) -> Double.compare(y.seconds(), x.seconds())).limit(10).toList();
    }

    public String markdown() {
        StringBuilder b = new StringBuilder("# mrtck conformance matrix\n\n");
        b.append(headline().replace("Verdict: PASS", "Verdict: **PASS**").replace("Verdict: FAIL", "Verdict: **FAIL**"))
            .append("\n\nAllure report: `reports/allure/index.html`. Mutants: `reports/mutants.md`.\n\n");
        b.append("| suite | behaviour | cases | passed | failed | skipped | ").append(target).append(" | reason |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (Behaviour h : behaviours()) {
            b.append(String.format("| %s | %s | %d | %d | %d | %d | %s | %s |%n", h.suite(), h.title(), h.cases().size(),
                h.count("PASSED"), h.failures(), h.count("SKIPPED"), h.verdict(), md(h.reason())));
        }
        List<TestOutcome> notPassed = outcomes.stream().filter(o -> !o.status().equals("PASSED")).toList();
        if (!notPassed.isEmpty()) {
            b.append("\n## Failures and skips\n\n");
            notPassed.forEach(o -> b.append(String.format("- %s %s › %s: %s%n", o.status(), o.suite(), o.name(),
                o.detail().isBlank() ? "(no message)" : o.detail().strip().replace('\n', ' '))));
        }
        if (mutantsMarkdown != null) {
            b.append("\n## Mutants\n\n").append(mutantsMarkdown.replaceFirst("(?s)^# [^\n]*\n+", ""));
        }
        b.append("\n## Slowest tests\n\n| test | seconds |\n|---|---|\n");
        slowest().forEach(o -> b.append(String.format("| %s › %s | %.2f |%n", o.suite(), md(o.name()), o.seconds())));
        return b.toString();
    }

    public String html() {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>mrtck conformance matrix</title><style>"
            + "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0;font-size:14px}"
            + "th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
            + ".matrix td:nth-child(2){min-width:22em}td{max-width:40em;overflow-wrap:anywhere}"
            + "th{background:#f0f0f0}.PASS{background:#d8f5d8}.FAIL{background:#f9d0d0}.SKIPPED{background:#fff1c2}"
            + "pre{white-space:pre-wrap;margin:0;font-size:12px}.verdict{font-size:1.2em;font-weight:bold}td.n{text-align:right}"
            + "</style></head><body>\n<h1>mrtck conformance matrix</h1>\n");
        b.append("<p class=\"verdict\">").append(esc(headline())).append("</p>\n");
        b.append("<p>Evidence per test: <a href=\"allure/index.html\">Allure report</a>. "
            + "Mutants: <a href=\"mutants.md\">mutants.md</a>.</p>\n");
        b.append("<table class=matrix><tr><th>suite</th><th>behaviour</th><th>cases</th><th>passed</th><th>failed</th>"
            + "<th>skipped</th><th>").append(esc(target)).append("</th><th>reason (failures, skips)</th></tr>\n");
        for (Behaviour h : behaviours()) {
            String css = h.verdict().startsWith("PASS") ? "PASS" : h.verdict();
            b.append("<tr><td>").append(esc(h.suite())).append("</td><td>").append(esc(h.title()))
                .append("</td><td class=n>").append(h.cases().size()).append("</td><td class=n>").append(h.count("PASSED"))
                .append("</td><td class=n>").append(h.failures()).append("</td><td class=n>").append(h.count("SKIPPED"))
                .append("</td><td class=\"").append(css).append("\">").append(esc(h.verdict()))
                .append("</td><td>").append(esc(h.reason())).append("</td></tr>\n");
        }
        b.append("</table>\n");
        List<TestOutcome> notPassed = outcomes.stream().filter(o -> !o.status().equals("PASSED")).toList();
        if (!notPassed.isEmpty()) {
            b.append("<h2>Failures and skips</h2>\n<table><tr><th>result</th><th>test</th><th>message or reason</th></tr>\n");
            notPassed.forEach(o -> b.append("<tr><td class=\"").append(o.failed() ? "FAIL" : "SKIPPED").append("\">")
                .append(o.status()).append("</td><td>").append(esc(o.suite() + " › " + o.name())).append("</td><td><pre>")
                .append(esc(o.detail().strip())).append("</pre></td></tr>\n"));
            b.append("</table>\n");
        }
        if (mutantsMarkdown != null) {
            b.append("<h2>Mutants</h2>\n<table>\n");
            for (String line : mutantsMarkdown.split("\n")) {
                if (line.startsWith("|") && !line.startsWith("|---")) {
                    String[] cells = line.substring(1, line.length() - 1).split("(?<!\\\\)\\|");
                    String tag = line.contains("| mutant |") ? "th" : "td";
                    b.append("<tr>");
                    for (String c : cells) {
                        String text = c.strip().replace("\\|", "|").replace("`", "");
                        String css = tag.equals("td") && text.equals("yes") ? " class=PASS"
                            : tag.equals("td") && text.equals("no") ? " class=FAIL" : "";
                        b.append('<').append(tag).append(css).append('>').append(esc(text)).append("</").append(tag).append('>');
                    }
                    b.append("</tr>\n");
                }
            }
            b.append("</table>\n");
        }
        b.append("<h2>Slowest tests</h2>\n<table><tr><th>test</th><th>seconds</th></tr>\n");
        slowest().forEach(o -> b.append("<tr><td>").append(esc(o.suite() + " › " + o.name())).append("</td><td class=n>")
            .append(String.format("%.2f", o.seconds())).append("</td></tr>\n"));
        b.append("</table>\n</body></html>\n");
        return b.toString();
    }

    private static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
