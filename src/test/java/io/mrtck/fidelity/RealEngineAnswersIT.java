package io.mrtck.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.mrtck.harness.MultiRegion;
import io.mrtck.topology.Topology;
import io.qameta.allure.Allure;

/**
 * Asks the running target the questions of the real-engine catalogue ({@code
 * ../shared/real-engine}) through the SDK, in a separate JVM as a user's program would, and
 * compares the answers with those a real Oracle NoSQL 25.3 two-region deployment gave.
 * At least {@value #MIN_IDENTICAL_PERCENT} % must be identical, and every case that is not
 * must be listed with its reason in {@code docs/real-engine-differences.md}; a listed case that
 * now answers identically fails too, so the list stays true.
 *
 * <p>{@code -Dmrtck.realEngine.only=q.,row.} asks only those cases (the share is then reported,
 * not enforced); {@code -Dmrtck.realEngine.dir} points elsewhere than {@code ../shared/real-engine}.
 * The comparison, field by field, is written to {@code target/real-engine/compare.txt}.
 */
@MultiRegion(statsIntervalSecs = 5)
class RealEngineAnswersIT {
    static final int MIN_IDENTICAL_PERCENT = 95;
    static final Path OUT = Path.of("target", "real-engine");
    static final Path DIFFERENCES = Path.of("docs", "real-engine-differences.md");

    @Test
    @DisplayName("the reference answers the real-engine catalogue as a real 25.3 deployment did")
    void answersLikeTheRealEngine(Topology topology) throws Exception {
        Path dir = Path.of(System.getProperty("mrtck.realEngine.dir", "../shared/real-engine"));
        Path recorded = dir.resolve("real-25.3.21.jsonl");
        assumeTrue(Files.isRegularFile(recorded), "no recorded real-engine answers at " + recorded.toAbsolutePath()
            + " (set -Dmrtck.realEngine.dir)");
        String only = System.getProperty("mrtck.realEngine.only", "").strip();
        Files.createDirectories(OUT);
        Path answers = OUT.resolve("answers.jsonl");
        Path compare = OUT.resolve("compare.txt");

        List<String> diff = new ArrayList<>(List.of("probe.Diff",
            "--fr", topology.region("FR").endpoint(), "--co", topology.region("CO").endpoint(),
            "--out", answers.toString(), "--await", System.getProperty("mrtck.realEngine.awaitSecs", "30")));
        if (!only.isEmpty()) {
            diff.addAll(List.of("--only", only));
        }
        run(diff, OUT.resolve("diff.log"));
        run(List.of("probe.DiffCompare", recorded.toString(), answers.toString(), "--a-only", "--verbose"), compare);

        CatalogueComparison result = CatalogueComparison.parse(Files.readAllLines(compare));
        Map<String, String> listed = KnownDifferences.read(DIFFERENCES);
        Files.writeString(OUT.resolve("summary.md"), result.summary());
        Allure.addAttachment("comparison with the real engine", "text/plain", Files.readString(compare), ".txt");
        System.out.println(result.summary());

        List<String> unlisted = result.notIdentical().stream().filter(c -> !listed.containsKey(c)).toList();
        assertThat(unlisted)
            .as("cases answered differently from the real engine and not listed in %s (details in %s)",
                DIFFERENCES, compare)
            .isEmpty();
        if (only.isEmpty()) {
            List<String> stale = new ArrayList<>(listed.keySet());
            stale.removeAll(result.notIdentical());
            assertThat(stale).as("cases listed in %s that now answer like the real engine: remove them", DIFFERENCES)
                .isEmpty();
            assertThat(result.identicalPercent()).as("share of cases answered identically; %s", result.summary())
                .isGreaterThanOrEqualTo(MIN_IDENTICAL_PERCENT);
        }
    }

    /** Runs one catalogue program in a JVM of its own, on this JVM's class path (the SDK and the catalogue). */
    private static void run(List<String> mainAndArgs, Path output) throws IOException, InterruptedException {
        // C1 only: a short-lived JVM spends more CPU compiling than running (and CI has two cores)
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(mainAndArgs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                throw new AssertionError(mainAndArgs.get(0) + " did not end within 15 minutes; output: " + output);
            }
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as("%s exit code; output in %s:%n%s", mainAndArgs.get(0), output,
            tail(output)).isZero();
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /** What {@code DiffCompare} printed: per category counts, and the cases not answered identically. */
    record CatalogueComparison(Map<String, int[]> categories, List<String> notIdentical) {
        static CatalogueComparison parse(List<String> lines) {
            Map<String, int[]> cats = new TreeMap<>();
            List<String> cases = new ArrayList<>();
            boolean table = false;
            for (String line : lines) {
                if (line.startsWith("category")) {
                    table = true;
                    continue;
                }
                if (table && line.isBlank()) {
                    table = false;
                    continue;
                }
                if (table) {
                    String[] f = line.trim().split("\\s+");
                    cats.put(f[0], new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4])});
                } else if (line.startsWith("≠ ") || line.startsWith("~ ")) {
                    cases.add(line.substring(2).trim().split("\\s+")[0]);
                }
            }
            if (cats.isEmpty()) {
                throw new AssertionError("DiffCompare printed no category table");
            }
            return new CatalogueComparison(cats, cases);
        }

        int total() {
            return categories.values().stream().mapToInt(k -> k[0]).sum();
        }

        int identical() {
            return categories.values().stream().mapToInt(k -> k[1]).sum();
        }

        double identicalPercent() {
            return total() == 0 ? 0 : 100.0 * identical() / total();
        }

        String summary() {
            StringBuilder sb = new StringBuilder(String.format(
                "Real-engine catalogue: %d/%d identical (%.1f %%)%n%n| category | cases | identical | same error class | different |%n|---|---|---|---|---|%n",
                identical(), total(), identicalPercent()));
            categories.forEach((c, k) -> sb.append(String.format("| %s | %d | %d | %d | %d |%n", c, k[0], k[1], k[2], k[3])));
            return sb.toString();
        }
    }
}
