package io.mrtck.mutants;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import io.mrtck.harness.MrFixture;
import io.mrtck.harness.MultiRegionExtension;
import io.mrtck.harness.RunSettings;
import io.mrtck.reference.Mutant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.MethodFilter;
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
 * <p>To keep the time bounded, each mutant runs the suite test that checks the behaviour it
 * breaks first and whole suite classes only if that one passes, a run stops at its first failure ({@link StopAfterFirstFailure}), several mutants run at
 * once (each with its own topology and its settings in {@link RunSettings}), and convergence waits
 * (first writes included) are short ({@value #MUTANT_CONVERGE_SECONDS} s) because a failing wait always
 * lasts the full timeout.
 */
class MutantsCaughtIT {
    static final String MUTANT_CONVERGE_SECONDS = "5";
    /** Mutant runs at once: on two cores most of a run is waiting. */
    private static final int PARALLEL_RUNS = 4;
    private static final String SUITES = "io.mrtck.suites.";

    /**
     * What to run against each mutant, most direct first: a suite test method
     * ({@code Class#method}, all its cases) that checks the broken behaviour, then whole suite
     * classes. The runs stop at the first that catches the mutant, so the direct test saves
     * running a class up to it; the classes remain for when it does not catch it.
     */
    static final Map<Mutant, List<String>> RELEVANT = new EnumMap<>(Mutant.class);

    static {
        RELEVANT.put(Mutant.DELETES_NOT_REPLICATED, List.of("ConflictIT#aDeleteAndAWriteTheLaterWinsTombstonesIncluded",
            "ConflictIT", "PropagationIT"));
        RELEVANT.put(Mutant.LWW_REVERSED, List.of("ConflictIT#theWriteWithTheLaterTimestampWins", "ConflictIT"));
        RELEVANT.put(Mutant.TIE_RULE_REVERSED, List.of("ConflictIT#onEqualTimestampsTheGreaterRegionNameWins", "ConflictIT"));
        RELEVANT.put(Mutant.COUNTER_MERGE_SUMS, List.of("ConflictIT#sequentialUpdatesFromBothRegionsAreCountedOnce",
            "ConflictIT", "FaultsIT"));
        RELEVANT.put(Mutant.DECREMENTS_DROPPED, List.of("ConflictIT#concurrentIncrementAndDecrementMerge", "ConflictIT"));
        RELEVANT.put(Mutant.TTL_NOT_REPLICATED, List.of("MrTableCreationIT#usingTtlGivesRowsAnExpirationThatReplicates",
            "MrTableCreationIT", "PropagationIT"));
        RELEVANT.put(Mutant.CHECKPOINT_NOT_DURABLE, List.of("FaultsIT#aKilledAgentResumesFromItsCheckpoint", "FaultsIT"));
        RELEVANT.put(Mutant.INIT_SKIPS_ROWS, List.of("MrTableCreationIT#addRegionsCopiesExistingRows", "MrTableCreationIT"));
        RELEVANT.put(Mutant.JSON_UPDATES_NOT_REPLICATED, List.of(
            "PropagationIT#aWriteReachesTheOtherRegionWithTheSameValueAndMetadata", "PropagationIT"));
        RELEVANT.put(Mutant.EXPIRATION_NOT_HONOURED_ON_RECEIVER, List.of("PropagationIT#aReplicatedRowExpiresInEveryRegion",
            "PropagationIT"));
        RELEVANT.put(Mutant.TTL_DROPPED_ON_EXPORT, List.of(
            "BackupRestoreIT#aRoundTripKeepsEveryRowCounterAndExpirationInEveryRegion", "BackupRestoreIT"));
        RELEVANT.put(Mutant.EXPIRATION_REBASED_ON_IMPORT, List.of(
            "BackupRestoreClockIT#rowsThatExpireBetweenBackupAndRestoreStayGoneAndAreCounted", "BackupRestoreClockIT"));
        RELEVANT.put(Mutant.EXPIRED_ROWS_IMPORTED, List.of(
            "BackupRestoreClockIT#rowsThatExpireBetweenBackupAndRestoreStayGoneAndAreCounted", "BackupRestoreClockIT"));
        RELEVANT.put(Mutant.COUNTERS_RESET_ON_IMPORT, List.of(
            "BackupRestoreIT#aRoundTripKeepsEveryRowCounterAndExpirationInEveryRegion", "BackupRestoreIT"));
        RELEVANT.put(Mutant.FRESHEST_PICKS_MOST_LAGGING, List.of(
            "BackupRestoreIT#aLaggingRegionIsNotChosenAndABackupFromItMissesRows", "BackupRestoreIT"));
        RELEVANT.put(Mutant.BINARY_IMPORT_NOT_RESUMABLE, List.of(
            "BackupRestoreIT#aKilledBinaryImportResumesWithNothingMissingAndNothingWrittenTwice", "BackupRestoreIT"));
        RELEVANT.put(Mutant.RECREATED_TABLE_KEEPS_OLD_STATE, List.of(
            "MrTableCreationIT#aTableDroppedAndCreatedAgainInOneRegionGetsTheOtherRegionsRowsEveryTime", "MrTableCreationIT"));
        RELEVANT.put(Mutant.DROP_REGIONS_KEEPS_REPLICATING, List.of(
            "MrTableCreationIT#afterDropRegionsWritesStayInTheirRegionAndAddRegionsCopiesThemAcross", "MrTableCreationIT"));
        RELEVANT.put(Mutant.AGENT_GROUP_INIT_SKIPS_ROWS, List.of("AgentGroupIT"));
    }

    /** What one suite class (or one of its test methods) did under one mutant. */
    record ClassRun(String suiteClass, String caughtBy, String message, int ran, int passedBefore, double seconds) {
    }

    @Test
    @DisplayName("every mutant makes at least one conformance suite test fail")
    void everyMutantIsCaughtByAtLeastOneSuiteTest() throws Exception {
        // a catalogue mutant is caught by its scenario file (ScenariosIT), shown by ScenariosCatchMutantsIT
        Set<Mutant> covered = EnumSet.copyOf(RELEVANT.keySet());
        covered.addAll(ScenariosCatchMutantsIT.named());
        assertThat(covered).as("every mutant has suite classes or a scenario file to run against it")
            .containsExactlyInAnyOrder(Mutant.values());
        Map<Mutant, List<ClassRun>> runs = new EnumMap<>(Mutant.class);
        // Most of a mutant's run is a wait timing out: several runs at once, each with its own topology.
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_RUNS);
        try {
            Map<Mutant, Future<List<ClassRun>>> pending = new EnumMap<>(Mutant.class);
            for (Mutant m : RELEVANT.keySet()) {
                pending.put(m, pool.submit(() -> runAgainst(m)));
            }
            for (Map.Entry<Mutant, Future<List<ClassRun>>> e : pending.entrySet()) {
                runs.put(e.getKey(), e.getValue().get());
            }
        } finally {
            pool.shutdownNow();
        }
        Path report = Path.of("reports", "mutants.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, markdown(runs));
        List<String> emptyRuns = runs.values().stream().flatMap(List::stream).filter(r -> r.ran() == 0)
            .map(ClassRun::suiteClass).distinct().toList();
        assertThat(emptyRuns).as("RELEVANT names suite tests that ran no test (renamed or removed?)").isEmpty();
        List<Mutant> survivors = runs.entrySet().stream()
            .filter(e -> e.getValue().stream().allMatch(r -> r.caughtBy() == null)).map(Map.Entry::getKey).toList();
        assertThat(survivors).as("mutants no suite test caught (see %s)", report.toAbsolutePath()).isEmpty();
    }

    /** The suite tests relevant to {@code mutant}, in order, until one run catches it; on this thread's settings. */
    private static List<ClassRun> runAgainst(Mutant mutant) {
        List<ClassRun> out = new ArrayList<>();
        // the embedded reference sees a new table at once: a first write needs no longer wait here
        RunSettings.with(Map.of(MultiRegionExtension.MUTANT_PROPERTY, mutant.name(),
            MrFixture.CONVERGE_TIMEOUT_PROPERTY, MUTANT_CONVERGE_SECONDS,
            MrFixture.FIRST_WRITE_TIMEOUT_PROPERTY, MUTANT_CONVERGE_SECONDS), () -> {
                for (String suite : RELEVANT.get(mutant)) {
                    ClassRun r = runClass(mutant + "/" + suite, suite);
                    out.add(r);
                    if (r.caughtBy() != null) {
                        break;
                    }
                }
            });
        return out;
    }

    /** Runs one suite class (or "Class#method") on this thread's settings; what it did. */
    static ClassRun runClass(String run, String suite) {
        AtomicReference<String> firstFailure = StopAfterFirstFailure.firstFailure(run);
        int[] passed = {0};
        int[] ran = {0};
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
                ran[0]++;
                if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    passed[0]++;
                } else if (result.getStatus() == TestExecutionResult.Status.FAILED
                    && firstFailure.compareAndSet(null, describe(id))) {
                    message[0] = result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("");
                }
            }
        };
        long start = System.nanoTime();
        try {
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(SUITES + suite.replaceAll("#.*", "")))
                .filters(suite.contains("#") ? new Filter<?>[] {MethodFilter.includeMethodNamePatterns(
                    Pattern.quote(SUITES + suite) + "(\\(.*)?")} : new Filter<?>[0])
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter(StopAfterFirstFailure.RUN_PARAMETER, run)
                // in this thread, so that the run's settings reach its tests
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build(), listener);
        } finally {
            StopAfterFirstFailure.forget(run);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ClassRun(suite, firstFailure.get(), message[0], ran[0], passed[0], seconds);
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
            .append("runs the suite test that checks the broken behaviour, then (if that one passes) whole suite ")
            .append("classes, stops at the first failing test, and requires one for every mutant. ")
            .append("Convergence timeout in these runs: ")
            .append(MUTANT_CONVERGE_SECONDS).append(" s.\n\n");
        b.append("| mutant | caught | suite test or class | test that failed | its failure (first line) | seconds |\n");
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
