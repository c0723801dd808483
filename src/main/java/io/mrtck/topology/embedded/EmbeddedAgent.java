package io.mrtck.topology.embedded;

import java.time.Clock;
import java.util.Set;

import io.mrtck.reference.Mutant;
import io.mrtck.reference.agent.AgentConfig;
import io.mrtck.reference.agent.RegionConnector;
import io.mrtck.reference.agent.XRegionAgent;
import io.mrtck.topology.Agent;

/**
 * A region's reference XRegion agent. A killed agent cannot be revived, so a restart
 * starts a new one on the same config; it resumes from the checkpoint in the local store.
 */
final class EmbeddedAgent implements Agent, AutoCloseable {
    private final AgentConfig config;
    private final RegionConnector connector;
    private final Clock clock;
    private final Set<Mutant> mutants;
    private XRegionAgent current;

    EmbeddedAgent(AgentConfig config, RegionConnector connector, Clock clock, Set<Mutant> mutants) {
        this.config = config;
        this.connector = connector;
        this.clock = clock;
        this.mutants = mutants;
    }

    @Override
    public String id() {
        return config.serviceId();
    }

    synchronized void start() {
        XRegionAgent agent = new XRegionAgent(config, connector, clock, mutants);
        agent.start();
        current = agent;
    }

    @Override
    public synchronized void pause() {
        running().pause();
    }

    @Override
    public synchronized void resume() {
        running().resume();
    }

    @Override
    public synchronized void kill() {
        if (current != null) {
            current.kill();
        }
    }

    @Override
    public synchronized void restart() {
        kill();
        start();
    }

    @Override
    public synchronized boolean isRunning() {
        return current != null && current.isRunning();
    }

    private XRegionAgent running() {
        if (!isRunning()) {
            throw new IllegalStateException("agent " + id() + " of region " + config.region()
                + " is not running (killed?); restart() it first");
        }
        return current;
    }

    /** Stops the agent in order (statistics flushed). Idempotent. */
    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
        }
    }

    @Override
    public String toString() {
        return id() + "@" + config.region() + (isRunning() ? "" : " (stopped)");
    }
}
