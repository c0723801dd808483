package io.mrtck.topology.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mrtck.topology.kvhome.KvCommands;
import io.mrtck.topology.kvhome.Kvhome;
import io.mrtck.topology.kvhome.WorkshopFiles;
import io.mrtck.topology.kvhome.WorkshopFiles.StoreAddress;

/**
 * The process target's agent finds its pid file where a real {@code xrstart -bg} writes it,
 * {@code <path>/<REGION>.1.0/<REGION>.1.0.pid} under the xrstart config's path, so pause and
 * kill (signals to that process) are offered. The agent alone: its stores need not run for
 * {@code xrstart} to start it (it retries them), which keeps this quick.
 */
class ProcessAgentSignalsIT {

    @Test
    void theAgentsPidFileIsWhereTheRealXrstartWritesItAndSignalsReachItsProcess(@TempDir Path dir) throws Exception {
        Path xrs = Files.createDirectories(dir.resolve("xrshome"));
        StoreAddress fr = new StoreAddress("FR", "OUGFR", "localhost", ProcessTopology.freePort());
        StoreAddress co = new StoreAddress("CO", "OUGCO", "localhost", ProcessTopology.freePort());
        Path config = Files.writeString(xrs.resolve("json.config"), WorkshopFiles.agentConfig(xrs.toString(), fr, List.of(co), 60));
        KvCommands kv = new KvCommands(Kvhome.fromProperty(), dir, List.of("-Xmx128m", "-XX:TieredStopAtLevel=1"));
        AgentPidFile pidFile = AgentPidFile.of(xrs, "FR", 1, 0);
        ProcessAgent agent = new ProcessAgent(kv, config, pidFile, "XRegionService-1_0");
        try {
            agent.start();
            assertThat(pidFile.file()).as("the pid file").isEqualTo(xrs.resolve("FR.1.0").resolve("FR.1.0.pid")).exists();
            assertThat(agent.canSignal()).as("a live process named by " + pidFile).isTrue();
            long first = agent.process().orElseThrow().pid();

            // A signal is delivered asynchronously: the state changes soon after kill(1) returns, not at once.
            agent.pause();
            await("agent process " + first + " stopped (state T)").atMost(Duration.ofSeconds(30))
                .until(() -> state(first) == 'T');
            agent.resume();
            await("agent process " + first + " running again (state not T)").atMost(Duration.ofSeconds(30))
                .until(() -> state(first) != 'T');

            agent.kill();
            assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive)).as("process %d after kill", first)
                .isNotEqualTo(java.util.Optional.of(true));
            assertThat(agent.isRunning()).as("xrstatus after kill").isFalse();

            agent.restart();
            assertThat(agent.isRunning()).as("xrstatus after restart").isTrue();
            assertThat(agent.process().orElseThrow().pid()).as("a new agent process").isNotEqualTo(first);
        } finally {
            agent.stop();
        }
        assertThat(agent.process()).as("no agent process after stop").isEmpty();
    }

    /** The process state letter from /proc (T = stopped by a signal). */
    private static char state(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }
}
