package io.mrtck.mutants;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mrtck.reference.Mutant;
import io.mrtck.scenario.RandomScenario;
import io.mrtck.scenario.Replay;
import io.mrtck.scenario.Scenario;
import io.mrtck.scenario.ScenarioFile;
import io.mrtck.scenario.ScenarioOutcome;
import io.mrtck.scenario.ScenarioRunner;
import io.mrtck.scenario.Torture;

/**
 * A torture run can fail and its shrinking is worth having: with last-writer-wins reversed in the
 * reference, a run from a fixed seed fails, shrinks to a scenario of at most 10 steps, and that
 * file alone (with the mutant it names) replays the failure.
 */
class TortureShrinksIT {

    @Test
    @DisplayName("a torture run under LWW_REVERSED fails, shrinks to at most 10 steps, and the file replays it")
    void aFailingRunShrinksToAScenarioThatReplaysTheFailure(@TempDir Path out) {
        Torture.Report report = new Torture(new Torture.Settings(100, Duration.ZERO,
            Set.copyOf(RandomScenario.FAULTS), 10, "embedded", Set.of(Mutant.LWW_REVERSED), out, Duration.ofSeconds(8)),
            new PrintStream(OutputStream.nullOutputStream())).run();
        assertThat(report.failed()).as("the run under LWW_REVERSED fails").isTrue();
        assertThat(Files.exists(report.file())).isTrue();
        Scenario shrunk = ScenarioFile.read(report.file());
        assertThat(shrunk.stepCount()).as("steps of %s", report.file()).isLessThanOrEqualTo(10);
        assertThat(shrunk.mutant()).isEqualTo("LWW_REVERSED");
        ScenarioOutcome replayed = Replay.run(shrunk, "embedded", shrunk.mutants(),
            new ScenarioRunner.Settings(Duration.ofSeconds(15), Duration.ofSeconds(15)));
        assertThat(replayed.invariantsBroken()).as(replayed::describe).isNotEmpty()
            .anyMatch(report.failure().invariantsBroken()::contains);
    }
}
