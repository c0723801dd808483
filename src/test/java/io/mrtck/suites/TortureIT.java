package io.mrtck.suites;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.mrtck.harness.RunSettings;
import io.mrtck.scenario.RandomScenario;
import io.mrtck.scenario.Torture;
import io.mrtck.topology.Targets;

/**
 * A short randomized run from a fixed seed (random writes of every kind from both regions with
 * agent kills, pauses, partitions, region restarts and clock jumps), judged by the checker; a
 * violation is shrunk to a scenario file under {@code target/torture} and named in the failure.
 * Longer runs: {@code -Dmrtck.torture.duration=10m} (the {@code torture} Maven profile).
 */
class TortureIT {

    @Test
    @DisplayName("random workloads with faults from a fixed seed break no invariant")
    void randomWorkloadsWithFaultsBreakNoInvariant() {
        long seed = Long.parseLong(RunSettings.get("mrtck.torture.seed", "20261201"));
        Duration duration = Duration.parse("PT" + RunSettings.get("mrtck.torture.duration", "1s").toUpperCase());
        Torture.Report report = new Torture(new Torture.Settings(seed, duration, Set.copyOf(RandomScenario.FAULTS), 14,
            Targets.selected(), Set.of(), Path.of("target", "torture"), Duration.ofSeconds(30)),
            new PrintStream(java.io.OutputStream.nullOutputStream())).run();
        assertThat(report.failed()).as(() -> report.failure().describe() + "\nshrunk to " + report.file()
            + " (replay it with: java -jar target/mrtck.jar replay " + report.file() + ")").isFalse();
        assertThat(report.scenarios()).isPositive();
    }
}
