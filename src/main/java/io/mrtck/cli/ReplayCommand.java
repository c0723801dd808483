package io.mrtck.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.mrtck.reference.Mutant;
import io.mrtck.scenario.Replay;
import io.mrtck.scenario.Scenario;
import io.mrtck.scenario.ScenarioFile;
import io.mrtck.scenario.ScenarioFormatException;
import io.mrtck.scenario.ScenarioOutcome;
import io.mrtck.scenario.ScenarioRunner;
import io.mrtck.topology.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mrtck replay FILE}: runs one scenario file on a target; the exit code says how it went. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Run a scenario file (fixtures/scenarios/*.yaml) on a target. Exit 0: every check held; "
        + "1: an invariant was violated (named); 2: the file or the options are wrong; 3: skipped, the target "
        + "cannot do a step.")
final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "The scenario file.")
    Path file;

    @Option(names = "--target", defaultValue = "embedded",
        description = "embedded (default), process, containers or external (-Dmrtck.kvhome, -Dmrtck.external.*).")
    String target;

    @Option(names = "--seed", description = "Overrides the file's seed.")
    Long seed;

    @Option(names = "--mutant", split = ",", description = "Reference mutants to switch on (see Mutant), e.g. LWW_REVERSED.")
    List<Mutant> mutants = List.of();

    @Option(names = "--with-mutant", description = "Switch on the reference mutant the file names ('mutant'): "
        + "the defect the scenario reproduces; it must then fail with the invariant the file names ('breaks').")
    boolean withMutant;

    @Option(names = "--history", description = "Where to write the run's history as JSON lines "
        + "(default target/histories/scenario-<id>.jsonl).")
    Path history;

    @Override
    public Integer call() {
        Scenario s;
        try {
            s = ScenarioFile.read(file);
        } catch (ScenarioFormatException e) {
            System.err.println("mrtck replay: " + e.getMessage());
            return 2;
        }
        if (!Targets.NAMES.contains(target)) {
            System.err.println("mrtck replay: --target " + target + " is not a target; targets: " + Targets.NAMES);
            return 2;
        }
        if (seed != null) {
            s = s.withSeed(seed);
        }
        Set<Mutant> given = mutants.isEmpty() ? EnumSet.noneOf(Mutant.class) : EnumSet.copyOf(mutants);
        if (withMutant) {
            if (s.mutant() == null) {
                System.err.println("mrtck replay: --with-mutant: " + file + " names no mutant");
                return 2;
            }
            given.addAll(s.mutants());
        }
        ScenarioOutcome outcome = Replay.run(s, target, given, ScenarioRunner.Settings.standard());
        Path out = history != null ? history : Path.of("target", "histories", "scenario-" + s.id() + ".jsonl");
        if (outcome.history().size() > 0) {
            outcome.history().writeJsonLines(out);
        }
        System.out.println(outcome.describe());
        if (outcome.history().size() > 0) {
            System.out.println("history: " + out);
        }
        return switch (outcome.status()) {
            case PASSED -> 0;
            case FAILED -> 1;
            default -> 3;
        };
    }
}
