package io.mrtck.topology;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A running multi-region deployment: its regions, their agents, and the fault hooks a
 * target supports. Suites see only this interface, so they run unchanged on every target
 * (embedded reference, containers, processes, an external deployment).
 *
 * <p>Links are directed: {@code from -> to} is what the agent of {@code to} reads from
 * {@code from}. Region names compare case-insensitively.
 */
public interface Topology extends AutoCloseable {

    List<Region> regions();

    /** @throws IllegalArgumentException for an unknown name; the message lists the known regions */
    default Region region(String name) {
        return regions().stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no region " + name + "; regions: "
                + regions().stream().map(Region::name).toList()));
    }

    /** The fault hooks this target supports; a hook not listed throws UnsupportedOperationException. */
    Set<Capability> capabilities();

    /** Cuts the link both ways: the agents of {@code a} and {@code b} cannot read each other. */
    void partition(String a, String b);

    /** Restores both directions of a partitioned link. */
    void heal(String a, String b);

    /**
     * Delays every read the agent of {@code to} makes from {@code from} by {@code latency};
     * {@link Duration#ZERO} removes the delay.
     */
    void addLatency(String from, String to, Duration latency);

    /** Stops everything this topology started and releases its ports and directories. Idempotent. */
    @Override
    void close();
}
