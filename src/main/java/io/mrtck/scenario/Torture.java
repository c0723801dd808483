package io.mrtck.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import io.mrtck.reference.Mutant;

/**
 * A randomized run: scenarios drawn from consecutive seeds ({@link RandomScenario}) run until the
 * time is up or one fails; a failure is shrunk ({@link Shrinker}) to a small scenario that fails
 * with the same invariant, written as a scenario file ready for {@code replay}.
 */
public final class Torture {

    /**
     * @param steps   timeline steps per generated scenario
     * @param out     where a shrunk scenario is written
     * @param maxWait the bound of every wait while shrinking (candidates that stall must not cost 90 s each)
     */
    public record Settings(long seed, Duration duration, Set<String> faults, int steps, String target,
                           Set<Mutant> mutants, Path out, Duration maxWait) {
    }

    /** What the run came to: the first failure (null: none), its shrunk form and file, and how many scenarios ran. */
    public record Report(int scenarios, ScenarioOutcome failure, Shrinker.Result shrunk, Path file) {
        public boolean failed() {
            return failure != null;
        }
    }

    private final Settings settings;
    private final PrintStream log;

    public Torture(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    public Report run() {
        long deadline = System.nanoTime() + settings.duration().toNanos();
        int scenarios = 0;
        ScenarioRunner.Settings waits = ScenarioRunner.Settings.standard();
        for (long seed = settings.seed(); scenarios == 0 || System.nanoTime() < deadline; seed++) {
            Scenario s = RandomScenario.generate(seed, settings.steps(), settings.faults());
            ScenarioOutcome outcome = Replay.run(s, settings.target(), settings.mutants(), waits);
            scenarios++;
            log.println("seed " + seed + ": " + outcome.status() + (outcome.failed() ? " " + outcome.invariantsBroken()
                : "") + " (" + s.stepCount() + " steps, " + outcome.history().size() + " operations, "
                + outcome.took().toMillis() + " ms)");
            if (outcome.failed()) {
                return shrunk(s, outcome, scenarios);
            }
        }
        return new Report(scenarios, null, null, null);
    }

    private Report shrunk(Scenario s, ScenarioOutcome failure, int scenarios) {
        // one defect may show as any of these from run to run (a lost delete: INV-CONV or INV-NORES)
        java.util.List<String> original = failure.invariantsBroken();
        String[] broken = {original.isEmpty() ? null : original.get(0)};
        ScenarioRunner.Settings fast = new ScenarioRunner.Settings(Duration.ofSeconds(90), settings.maxWait());
        Shrinker shrinker = new Shrinker(c -> {
            ScenarioOutcome o = Replay.run(c, settings.target(), settings.mutants(), fast);
            String same = o.invariantsBroken().stream().filter(original::contains).findFirst().orElse(null);
            log.println("  shrinking: " + c.stepCount() + " steps -> " + (same != null ? "still fails" : "passes"));
            if (same != null) {
                broken[0] = same;
            }
            return same != null;
        }, 200);
        Shrinker.Result result = shrinker.shrink(s);
        String mutants = settings.mutants().stream().map(Mutant::name).sorted().collect(Collectors.joining(","));
        Scenario small = result.smallest().withId(s.id() + "-shrunk", "shrunk from a torture run of seed " + s.seed()
            + (mutants.isEmpty() ? "" : " with mutant " + mutants) + ": " + s.stepCount() + " steps to "
            + result.smallest().stepCount() + " in " + result.runs() + " runs")
            .withMutant(mutants.isEmpty() ? null : mutants, mutants.isEmpty() ? null : broken[0]);
        Path file = settings.out().resolve(small.id() + ".yaml");
        // the failing run's history: a failure that does not replay is still there to read
        failure.history().writeJsonLines(settings.out().resolve(s.id() + ".jsonl"));
        try {
            ScenarioFile.write(small, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new Report(scenarios, failure, result, file);
    }
}
