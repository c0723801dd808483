package io.mrtck.mutants;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.mrtck.reference.Mutant;
import io.mrtck.scenario.Replay;
import io.mrtck.scenario.Scenario;
import io.mrtck.scenario.ScenarioFile;
import io.mrtck.scenario.ScenarioFolder;
import io.mrtck.scenario.ScenarioOutcome;
import io.mrtck.scenario.ScenarioRunner;

/**
 * The catalogue, replayed (issue 10): each scenario file that names a reference mutant fails under
 * that mutant with the invariant it names ({@code breaks}); {@code ScenariosIT} shows it passes
 * without. Writes {@code reports/scenario-mutants.md}.
 */
@Order(1) // one of the longest classes: started first, so that it does not run alone at the end
class ScenariosCatchMutantsIT {
    /** On the reference a stream catches up in well under a second: a mutant's stall must not cost 90 s. */
    private static final ScenarioRunner.Settings FAST = new ScenarioRunner.Settings(Duration.ofSeconds(6),
        Duration.ofSeconds(6));
    /** Most of a run under a mutant is a bounded wait running out. */
    private static final int PARALLEL_RUNS = 3;

    /** The mutants scenario files name: MutantsCaughtIT leaves them to this test. */
    static Set<Mutant> named() {
        Set<Mutant> out = java.util.EnumSet.noneOf(Mutant.class);
        for (Path f : ScenarioFolder.files(ScenarioFolder.DEFAULT)) {
            out.addAll(ScenarioFile.read(f).mutants());
        }
        return out;
    }

    @Test
    @DisplayName("each catalogue scenario fails under its mutant with the invariant it names")
    void everyScenarioFailsUnderItsMutant() throws Exception {
        Map<String, Future<ScenarioOutcome>> pending = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_RUNS);
        try {
            for (Path f : ScenarioFolder.files(ScenarioFolder.DEFAULT)) {
                Scenario s = ScenarioFile.read(f);
                if (s.mutant() != null) {
                    pending.put(f.getFileName().toString(), pool.submit(() ->
                        Replay.run(s, "embedded", s.mutants(), FAST)));
                }
            }
            List<String> escaped = new ArrayList<>();
            StringBuilder report = new StringBuilder("# Catalogue scenarios under their mutants\n\n"
                + "Each file of `fixtures/scenarios` that names a mutant, replayed on the embedded reference with that "
                + "mutant (`ScenariosCatchMutantsIT`); without it, `ScenariosIT` replays it passing.\n\n"
                + "| scenario | mutant | must break | result | broken | seconds |\n|---|---|---|---|---|---|\n");
            for (var e : pending.entrySet()) {
                ScenarioOutcome o = e.getValue().get();
                Scenario s = o.scenario();
                boolean caught = o.failed() && o.invariantsBroken().contains(s.breaks());
                if (!caught) {
                    escaped.add(e.getKey() + " under " + s.mutant() + ": " + o.describe());
                }
                report.append("| `").append(e.getKey()).append("` | `").append(s.mutant()).append("` | ")
                    .append(s.breaks()).append(" | ").append(caught ? "caught" : "NOT CAUGHT: " + o.status()).append(" | ")
                    .append(String.join(", ", o.invariantsBroken())).append(" | ")
                    .append(String.format("%.1f", o.took().toMillis() / 1000.0)).append(" |\n");
            }
            Path file = Path.of("reports", "scenario-mutants.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report.toString());
            assertThat(pending).as("scenario files that name a mutant").isNotEmpty();
            assertThat(escaped).as("scenarios that did not fail with their invariant under their mutant (see %s)",
                file.toAbsolutePath()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }
}
