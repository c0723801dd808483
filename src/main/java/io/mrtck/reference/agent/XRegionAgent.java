package io.mrtck.reference.agent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.mrtck.reference.Mutant;

/**
 * The XRegion agent of one region: one stream per remote region, each applying that
 * region's change log to the local region with conflict resolution and a checkpoint in
 * the same transaction, plus table initialisation for tables that gain a region, and
 * statistics every {@code statsIntervalSecs}. Each stream's {@link CheckpointTable} is
 * created in its source region, as the real agent does.
 *
 * <p>{@link #kill()} stops it like a crash: no further batch is applied and nothing is
 * flushed (a batch and its checkpoint commit together, so a kill cannot split them).
 * A killed agent is not restarted; start a new one on the same config.
 */
public final class XRegionAgent implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(XRegionAgent.class.getName());
    private static final long CKPT_TABLE_RETRY_MS = 1_000;
    private final AgentConfig config;
    private final RegionConnector connector;
    private final Clock clock;
    private final Set<Mutant> mutants;
    private final AgentControl control = new AgentControl();
    private final List<Thread> threads = new ArrayList<>();
    private AgentStatistics statistics;
    private LocalRegionAccess local;

    public XRegionAgent(AgentConfig config, RegionConnector connector, Clock clock, Set<Mutant> mutants) {
        this.config = config;
        this.connector = connector;
        this.clock = clock;
        this.mutants = mutants.isEmpty() ? EnumSet.noneOf(Mutant.class) : EnumSet.copyOf(mutants);
    }

    public String agentId() {
        return config.serviceId();
    }

    public AgentConfig config() {
        return config;
    }

    public synchronized void start() {
        if (!threads.isEmpty()) {
            throw new IllegalStateException("agent " + agentId() + " already started");
        }
        local = connector.local(config);
        statistics = new AgentStatistics(agentId(), config.region(), clock.millis());
        for (AgentConfig.RemoteRegion r : config.regions()) {
            RemoteRegionAccess remote = connector.remote(config, r);
            RegionStream stream = new RegionStream(config, r.name(), local, remote, statistics, control, clock, mutants);
            threads.add(daemon(stream, "xregion-" + config.region() + "<-" + r.name()));
            CheckpointTable table = CheckpointTable.of(config, r.name());
            threads.add(daemon(() -> createCheckpointTable(remote, table), "xregion-ckpt-table-" + table.name()));
        }
        threads.add(daemon(this::collectStatistics, "xregion-stats-" + config.region()));
        threads.forEach(Thread::start);
    }

    /** Stops applying (the streams idle) until {@link #resume()}. */
    public void pause() {
        control.pause();
    }

    public void resume() {
        control.resume();
    }

    public boolean isPaused() {
        return control.paused();
    }

    public boolean isRunning() {
        return !threads.isEmpty() && !control.stopped();
    }

    /** Stops abruptly, as a crash would: no statistics flush, no final checkpoint beyond the last batch's. */
    public void kill() {
        stop(false);
    }

    @Override
    public void close() {
        stop(true);
    }

    private synchronized void stop(boolean orderly) {
        if (control.stopped()) {
            return;
        }
        control.stop();
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (orderly && statistics != null) {
            try {
                local.putStatistics(statistics.close(clock.millis()));
            } catch (RuntimeException e) {
                // the local region may already be gone; statistics are best effort
            }
        }
    }

    /**
     * Creates the stream's checkpoint table in the source region, as a real agent does when it
     * opens the stream; retried every second while the region cannot do it (down, cut off).
     */
    private void createCheckpointTable(RemoteRegionAccess remote, CheckpointTable table) {
        boolean told = false;
        while (!control.stopped()) {
            try {
                remote.createCheckpointTable(table);
                return;
            } catch (RegionUnreachableException e) {
                // the source region is down or cut off: it will be created once it answers
            } catch (RuntimeException e) {
                if (!told) {
                    LOG.log(System.Logger.Level.WARNING, "cannot create " + table.name() + " in region "
                        + remote.regionName() + " yet (retrying): " + e.getMessage());
                    told = true;
                }
            }
            if (!control.idle(CKPT_TABLE_RETRY_MS)) {
                return;
            }
        }
    }

    private void collectStatistics() {
        long intervalMs = config.statsIntervalSecs() * 1000L;
        while (control.idle(intervalMs)) {
            try {
                local.putStatistics(statistics.close(clock.millis()));
            } catch (RuntimeException e) {
                // retried at the next interval
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
