package io.mrtck.mutants;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mrtck.harness.MrFixture;
import io.mrtck.harness.MultiRegionExtension;
import io.mrtck.reference.Mutant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The meta-test (DESIGN.md "Mutants"): runs the conformance suites against the reference with
 * each {@link Mutant} switched on and fails unless every mutant makes at least one suite test
 * fail. It writes {@code reports/mutants.md}: which tests caught which mutant.
 *
 * <p>To keep the time bounded, each mutant runs the suite classes that check the behaviour it
 * breaks, a run stops at its first failure ({@link StopAfterFirstFailure}), and convergence waits
 * (first writes included) are short ({@value #MUTANT_CONVERGE_SECONDS} s) because a failing wait always
 * lasts the full timeout.
 */
class MutantsCaughtIT {
    static final String MUTANT_CONVERGE_SECONDS = "5";
    private static final String SUITES = "io.mrtck.suites.";

    /** The suite classes that check what each mutant breaks, most direct first. */
    static final Map<Mutant, List<String>> RELEVANT = new EnumMap<>(Mutant.class);

    static {
        RELEVANT.put(Mutant.DELETES_NOT_REPLICATED, List.of("ConflictIT", "PropagationIT"));
        RELEVANT.put(Mutant.LWW_REVERSED, List.of("ConflictIT"));
        RELEVANT.put(Mutant.TIE_RULE_REVERSED, List.of("ConflictIT"));
        RELEVANT.put(Mutant.COUNTER_MERGE_SUMS, List.of("ConflictIT", "FaultsIT"));
        RELEVANT.put(Mutant.DECREMENTS_DROPPED, List.of("ConflictIT"));
        RELEVANT.put(Mutant.TTL_NOT_REPLICATED, List.of("MrTableCreationIT", "PropagationIT"));
        RELEVANT.put(Mutant.CHECKPOINT_NOT_DURABLE, List.of("FaultsIT"));
        RELEVANT.put(Mutant.INIT_SKIPS_ROWS, List.of("MrTableCreationIT"));
        RELEVANT.put(Mutant.JSON_UPDATES_NOT_REPLICATED, List.of("PropagationIT"));
        RELEVANT.put(Mutant.EXPIRATION_NOT_HONOURED_ON_RECEIVER, List.of("PropagationIT"));
        RELEVANT.put(Mutant.TTL_DROPPED_ON_EXPORT, List.of("BackupRestoreIT"));
        RELEVANT.put(Mutant.EXPIRATION_REBASED_ON_IMPORT, List.of("BackupRestoreClockIT"));
        RELEVANT.put(Mutant.EXPIRED_ROWS_IMPORTED, List.of("BackupRestoreClockIT"));
        RELEVANT.put(Mutant.COUNTERS_RESET_ON_IMPORT, List.of("BackupRestoreIT"));
        RELEVANT.put(Mutant.FRESHEST_PICKS_MOST_LAGGING, List.of("BackupRestoreIT"));
        RELEVANT.put(Mutant.BINARY_IMPORT_NOT_RESUMABLE, List.of("BackupRestoreIT"));
    }

    /** What one suite class did under one mutant. */
    record ClassRun(String suiteClass, String caughtBy, String message, int passedBefore, double seconds) {
    }

    @Test
    @DisplayName("every mutant makes at least one conformance suite test fail")
    void everyMutantIsCaughtByAtLeastOneSuiteTest() throws IOException {
        assertThat(RELEVANT.keySet()).as("every mutant has suite classes to run against it")
            .containsExactlyInAnyOrder(Mutant.values());
        Map<Mutant, List<ClassRun>> runs = new LinkedHashMap<>();
        for (Mutant m : Mutant.values()) {
            runs.put(m, runAgainst(m));
        }
        Path report = Path.of("reports", "mutants.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, markdown(runs));
        List<Mutant> survivors = runs.entrySet().stream()
            .filter(e -> e.getValue().stream().allMatch(r -> r.caughtBy() == null)).map(Map.Entry::getKey).toList();
        assertThat(survivors).as("mutants no suite test caught (see %s)", report.toAbsolutePath()).isEmpty();
    }

    private static List<ClassRun> runAgainst(Mutant mutant) {
        Map<String, String> saved = new LinkedHashMap<>();
        for (String p : List.of(MultiRegionExtension.MUTANT_PROPERTY, MrFixture.CONVERGE_TIMEOUT_PROPERTY,
                MrFixture.FIRST_WRITE_TIMEOUT_PROPERTY)) {
            saved.put(p, System.getProperty(p));
        }
        System.setProperty(MultiRegionExtension.MUTANT_PROPERTY, mutant.name());
        System.setProperty(MrFixture.CONVERGE_TIMEOUT_PROPERTY, MUTANT_CONVERGE_SECONDS);
        // the embedded reference sees a new table at once: a first write needs no longer wait here
        System.setProperty(MrFixture.FIRST_WRITE_TIMEOUT_PROPERTY, MUTANT_CONVERGE_SECONDS);
        try {
            List<ClassRun> out = new ArrayList<>();
            for (String suite : RELEVANT.get(mutant)) {
                ClassRun r = runClass(suite);
                out.add(r);
                if (r.caughtBy() != null) {
                    break;
                }
            }
            return out;
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    private static ClassRun runClass(String suite) {
        StopAfterFirstFailure.FIRST_FAILURE.set(null);
        int[] passed = {0};
        String[] message = {null};
        // No auto-registered listeners: the mutant runs must not land in this run's Allure results.
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
            .enableTestExecutionListenerAutoRegistration(false).build());
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) {
                    return;
                }
                if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    passed[0]++;
                } else if (result.getStatus() == TestExecutionResult.Status.FAILED
                    && StopAfterFirstFailure.FIRST_FAILURE.compareAndSet(null, describe(id))) {
                    message[0] = result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("");
                }
            }
        };
        long start = System.nanoTime();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
            .selectors(DiscoverySelectors.selectClass(SUITES + suite))
            .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
            .build(), listener);
        double seconds = (System.nanoTime() - start) / 1e9;
        String caught = StopAfterFirstFailure.FIRST_FAILURE.getAndSet(null);
        return new ClassRun(suite, caught, message[0], passed[0], seconds);
    }

    /** "MethodName: display name" of a parameterised invocation. */
    private static String describe(TestIdentifier id) {
        String method = id.getUniqueIdObject().getSegments().stream()
            .filter(s -> s.getType().equals("test-template") || s.getType().equals("method"))
            .map(s -> s.getValue().replaceAll("\\(.*", "")).findFirst().orElse("");
        return method + " " + id.getDisplayName();
    }

    private static String markdown(Map<Mutant, List<ClassRun>> runs) {
        StringBuilder b = new StringBuilder("# Mutants caught by the conformance suites\n\n");
        b.append("Each mutant is a defect the reference can be started with (`-D")
            .append(MultiRegionExtension.MUTANT_PROPERTY).append("=NAME`). The meta-test `MutantsCaughtIT` ")
            .append("runs the suite classes that check the broken behaviour, stops at the first failing test, ")
            .append("and requires one for every mutant. Convergence timeout in these runs: ")
            .append(MUTANT_CONVERGE_SECONDS).append(" s.\n\n");
        b.append("| mutant | caught | suite class | test that failed | its failure (first line) | seconds |\n");
        b.append("|---|---|---|---|---|---|\n");
        runs.forEach((m, list) -> {
            for (ClassRun r : list) {
                b.append("| `").append(m).append("` | ").append(r.caughtBy() != null ? "yes" : "no")
                    .append(" | ").append(r.suiteClass()).append(" | ")
                    .append(r.caughtBy() == null ? "(none; " + r.passedBefore() + " passed)" : cell(r.caughtBy()))
                    .append(" | ").append(r.message() == null ? "" : cell(firstLine(r.message())))
                    .append(" | ").append(String.format("%.1f", r.seconds())).append(" |\n");
            }
        });
        return b.toString();
    }

    private static String firstLine(String s) {
        String line = s.strip().split("\n")[0];
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
