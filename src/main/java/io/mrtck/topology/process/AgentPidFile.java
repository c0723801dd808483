package io.mrtck.topology.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Where {@code xrstart} writes its agent's pid, in a real release and in the reference
 * alike: {@code <path>/<REGION>.<group>.<id>/<REGION>.<group>.<id>.pid} under the xrstart
 * config's {@code path} (e.g. {@code FR.1.0/FR.1.0.pid}). Signals (pause, kill) need it.
 */
record AgentPidFile(Path file) {

    static AgentPidFile of(Path agentPath, String region, int agentGroupSize, int agentId) {
        String name = region + "." + agentGroupSize + "." + agentId;
        return new AgentPidFile(agentPath.resolve(name).resolve(name + ".pid"));
    }

    /** The live process the file names; empty without a file, or when that process has ended. */
    Optional<ProcessHandle> process() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(file).strip())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // being written, or not a pid file: nothing to signal
        }
    }

    /**
     * Whether a live process is named within {@code timeout}: {@code xrstart -bg} may return
     * just before its agent has written the file.
     */
    boolean awaitProcess(Duration timeout) {
        try {
            Awaitility.await("a live agent process named by " + file).atMost(timeout)
                .pollInterval(Duration.ofMillis(100)).until(() -> process().isPresent());
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
