package io.mrtck.topology;

import java.util.List;

/**
 * A region's several XRegion agents handled as one: a fault on "the agent" (pause, kill,
 * restart) hits every agent of the group. Each agent stays reachable by itself through
 * {@link Region#agents()}.
 */
public final class AgentGroup implements Agent {
    private final List<? extends Agent> agents;

    public AgentGroup(List<? extends Agent> agents) {
        if (agents.isEmpty()) {
            throw new IllegalArgumentException("an agent group needs at least one agent");
        }
        this.agents = List.copyOf(agents);
    }

    /** Agent 0's id: statistics queries by one id ({@code -agent}) see the first agent of the group. */
    @Override
    public String id() {
        return agents.get(0).id();
    }

    @Override
    public void pause() {
        agents.forEach(Agent::pause);
    }

    @Override
    public void resume() {
        agents.forEach(Agent::resume);
    }

    @Override
    public void kill() {
        agents.forEach(Agent::kill);
    }

    @Override
    public void restart() {
        agents.forEach(Agent::restart);
    }

    /** Whether every agent of the group runs. */
    @Override
    public boolean isRunning() {
        return agents.stream().allMatch(Agent::isRunning);
    }

    @Override
    public String toString() {
        return agents.toString();
    }
}
