package io.mrtck.topology;

/** The fault hooks a {@link Topology} target may support. */
public enum Capability {
    PAUSE_AGENT,
    KILL_AGENT,
    PARTITION,
    LATENCY,
    CLOCK_SKEW,
    CLOCK_FREEZE,
    RESTART_REGION,
    /** Several XRegion agents per region ({@code TopologySpec.agentGroupSize} above 1). */
    AGENT_GROUPS
}
