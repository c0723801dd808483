package io.mrtck.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.mrtck.reference.Mutant;
import io.mrtck.scenario.RandomScenario;
import io.mrtck.scenario.Torture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mrtck torture}: random workloads and faults from a seed; a failure is shrunk to a scenario file. */
@Command(name = "torture", mixinStandardHelpOptions = true,
    description = "Run random workloads with faults from consecutive seeds until the time is up or one fails; "
        + "a failure is shrunk to a small scenario file that replays it. Exit 0: no violation; 1: a violation "
        + "(the file is named).")
final class TortureCommand implements Callable<Integer> {
    @Option(names = "--seed", defaultValue = "1", description = "The first seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--duration", defaultValue = "60s", description = "How long to keep drawing scenarios (e.g. 60s, 10m).")
    String duration;

    @Option(names = "--faults", split = ",", defaultValue = "kill,pause,partition,restart,skew",
        description = "Fault kinds: kill, pause, partition, restart, skew (default: all).")
    List<String> faults;

    @Option(names = "--steps", defaultValue = "14", description = "Timeline steps per scenario (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--target", defaultValue = "embedded", description = "The target (default embedded).")
    String target;

    @Option(names = "--mutant", split = ",", description = "Reference mutants to switch on, e.g. LWW_REVERSED.")
    List<Mutant> mutants = List.of();

    @Option(names = "--out", defaultValue = "target/torture", description = "Where a shrunk scenario is written.")
    Path out;

    @Override
    public Integer call() {
        Set<String> kinds = new LinkedHashSet<>(faults);
        for (String k : kinds) {
            if (!RandomScenario.FAULTS.contains(k)) {
                System.err.println("mrtck torture: unknown fault '" + k + "'; faults: " + RandomScenario.FAULTS);
                return 2;
            }
        }
        Duration d = Duration.parse("PT" + duration.toUpperCase(java.util.Locale.ROOT));
        Set<Mutant> given = mutants.isEmpty() ? Set.of() : EnumSet.copyOf(mutants);
        Torture.Report report = new Torture(new Torture.Settings(seed, d, kinds, steps, target, given, out,
            Duration.ofSeconds(10)), System.out).run();
        if (!report.failed()) {
            System.out.println("torture: " + report.scenarios() + " scenario(s), no violation");
            return 0;
        }
        System.out.println(report.failure().describe());
        System.out.println("shrunk to " + report.shrunk().smallest().stepCount() + " steps in " + report.shrunk().runs()
            + " runs: " + report.file());
        System.out.println("replay it: java -jar target/mrtck.jar replay " + report.file()
            + (given.isEmpty() ? "" : " --mutant " + String.join(",", given.stream().map(Enum::name).toList())));
        return 1;
    }
}
