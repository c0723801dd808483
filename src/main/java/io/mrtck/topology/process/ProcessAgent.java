package io.mrtck.topology.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.mrtck.topology.Agent;
import io.mrtck.topology.kvhome.KvCommands;

/**
 * A region's agent started with {@code xrstart -config F -bg}. Kill and pause act on its
 * process, found through the pid file xrstart writes ({@link AgentPidFile}); with a KVHOME
 * that writes none only xrstop/xrstart are available.
 */
final class ProcessAgent implements Agent {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** How long after xrstart -bg returns its pid file may take to appear. */
    private static final Duration PID_FILE_WAIT = Duration.ofSeconds(15);

    private final KvCommands kv;
    private final Path config;
    private final AgentPidFile pidFile;
    private final String id;

    ProcessAgent(KvCommands kv, Path config, AgentPidFile pidFile, String id) {
        this.kv = kv;
        this.config = config;
        this.pidFile = pidFile;
        this.id = id;
    }

    void start() {
        kv.require(WAIT, List.of("xrstart", "-config", config.toString(), "-bg"));
        if (!isRunning()) {
            throw new IllegalStateException("agent " + id + " is not running after xrstart -bg -config " + config);
        }
    }

    /** The agent's process, when the KVHOME says which one it is. */
    Optional<ProcessHandle> process() {
        return pidFile.process();
    }

    /** Whether the agent's pid file names its live process (waits a little for it after a start). */
    boolean canSignal() {
        return pidFile.awaitProcess(PID_FILE_WAIT);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized void pause() {
        signal("STOP");
    }

    @Override
    public synchronized void resume() {
        signal("CONT");
    }

    @Override
    public synchronized void kill() {
        ProcessHandle p = process().orElseThrow(() -> new UnsupportedOperationException(
            "the KVHOME's agent has no pid file " + pidFile + " to kill it by"));
        p.destroyForcibly();
        p.onExit().join();
    }

    @Override
    public synchronized void restart() {
        process().ifPresent(p -> {
            signal("CONT"); // a paused JVM cannot run its shutdown
            p.destroyForcibly();
            p.onExit().join();
        });
        start();
    }

    @Override
    public synchronized boolean isRunning() {
        return kv.run(WAIT, List.of("xrstatus", "-config", config.toString())).exit() == 0;
    }

    /** Stops the agent for good: xrstop, then its process if it is still there. */
    synchronized void stop() {
        process().ifPresent(p -> signal("CONT"));
        try {
            kv.run(WAIT, List.of("xrstop", "-config", config.toString()));
        } finally {
            process().ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().join();
            });
        }
    }

    private void signal(String sig) {
        ProcessHandle p = process().orElseThrow(() -> new UnsupportedOperationException(
            "the KVHOME's agent has no pid file " + pidFile + " to signal"));
        try {
            Process k = new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).inheritIO().start();
            if (!k.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || k.exitValue() != 0) {
                throw new IllegalStateException("kill -" + sig + " " + p.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal the agent: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "agent " + id + " (" + config + ")";
    }
}
