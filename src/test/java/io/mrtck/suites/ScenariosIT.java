package io.mrtck.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.mrtck.harness.MrFixture;
import io.mrtck.harness.RunSettings;
import io.mrtck.scenario.Replay;
import io.mrtck.scenario.Scenario;
import io.mrtck.scenario.ScenarioFile;
import io.mrtck.scenario.ScenarioFolder;
import io.mrtck.scenario.ScenarioOutcome;
import io.mrtck.scenario.ScenarioRunner;
import io.mrtck.topology.Targets;

/**
 * Every scenario file in {@code fixtures/scenarios} (docs/scenarios.md) replayed on the target, one
 * dynamic test each: the catalogue's reproductions of fixed MR bugs must pass on a release that
 * has the fixes. A scenario whose steps the target cannot do is skipped with the step named.
 * Each run's history is kept in {@code target/histories/scenario-<id>.jsonl}.
 */
@Order(2) // one of the longest classes: started first, so that it does not run alone at the end
class ScenariosIT {

    private ExecutorService pool;

    @AfterEach
    void stopReplays() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @TestFactory
    @DisplayName("each scenario file replays with every check holding")
    Stream<DynamicTest> everyScenarioHolds() {
        // embedded topologies are cheap and mostly wait (writes at a set rate): four scenarios at a time, each with its own
        String target = Targets.selected();
        pool = Executors.newFixedThreadPool(Integer.parseInt(RunSettings.get("mrtck.scenarios.parallelism",
            target.equals("embedded") ? "4" : "1")));
        Duration bound = Duration.ofSeconds(Long.parseLong(RunSettings.get(MrFixture.FIRST_WRITE_TIMEOUT_PROPERTY, "90")));
        Map<Path, Future<ScenarioOutcome>> replays = new LinkedHashMap<>();
        for (Path file : ScenarioFolder.files(ScenarioFolder.DEFAULT)) {
            replays.put(file, pool.submit(() -> Replay.run(ScenarioFile.read(file), target, Set.of(),
                new ScenarioRunner.Settings(bound, null))));
        }
        return replays.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().getFileName().toString(),
            () -> judge(e.getValue().get())));
    }

    private static void judge(ScenarioOutcome outcome) {
        Scenario s = outcome.scenario();
        if (outcome.history().size() > 0) {
            outcome.history().writeJsonLines(Path.of("target", "histories", "scenario-" + s.id() + ".jsonl"));
        }
        assumeTrue(outcome.status() != ScenarioOutcome.Status.SKIPPED, () -> "skipped: " + outcome.reason());
        assertThat(outcome.status()).as(outcome::describe).isEqualTo(ScenarioOutcome.Status.PASSED);
    }
}
