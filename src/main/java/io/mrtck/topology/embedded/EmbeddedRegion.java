package io.mrtck.topology.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.mrtck.reference.ReferenceRegion;
import io.mrtck.reference.RegionOptions;
import io.mrtck.reference.admin.AdminException;
import io.mrtck.reference.store.RegionStore;
import io.mrtck.topology.AdminAccess;
import io.mrtck.topology.AdminCommandException;
import io.mrtck.topology.Agent;
import io.mrtck.topology.AgentGroup;
import io.mrtck.topology.Region;

/**
 * One reference region of an {@link EmbeddedTopology}. Restart closes the region and starts
 * it again on the same directory and port; meanwhile {@link #currentStore()} is null, which
 * the agents see as an unreachable region and retry.
 */
final class EmbeddedRegion implements Region, AutoCloseable {
    private final TopologySpec.RegionSpec spec;
    private final Path regionDir;
    private final SkewableClock clock;
    private volatile ReferenceRegion running;
    private RegionOptions options;
    private List<EmbeddedAgent> agents = List.of();

    private EmbeddedRegion(TopologySpec.RegionSpec spec, Path regionDir, SkewableClock clock) {
        this.spec = spec;
        this.regionDir = regionDir;
        this.clock = clock;
    }

    /** Starts the region's store and endpoint on a free port. */
    static EmbeddedRegion start(TopologySpec.RegionSpec spec, Path regionDir, java.util.Set<io.mrtck.reference.Mutant> mutants) {
        EmbeddedRegion r = new EmbeddedRegion(spec, regionDir, new SkewableClock(java.time.Clock.systemUTC()));
        RegionOptions first = RegionOptions.of(regionDir.resolve("kvroot")).withName(spec.name())
            .withStoreName(spec.storeName()).withClock(r.clock).withMutants(mutants);
        ReferenceRegion region = ReferenceRegion.start(first);
        // the endpoint must survive restarts, so later starts bind the port chosen now
        r.options = first.withPort(region.port());
        r.running = region;
        return r;
    }

    void attach(List<EmbeddedAgent> group) {
        this.agents = List.copyOf(group);
    }

    Path directory() {
        return regionDir;
    }

    SkewableClock clock() {
        return clock;
    }

    int port() {
        return options.port();
    }

    /** The region's store while it runs, null while it is down. */
    RegionStore currentStore() {
        ReferenceRegion r = running;
        return r == null ? null : r.store();
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String storeName() {
        return spec.storeName();
    }

    @Override
    public String endpoint() {
        return "http://localhost:" + options.port();
    }

    @Override
    public AdminAccess admin() {
        return commandLine -> {
            ReferenceRegion r = running;
            if (r == null) {
                throw new AdminCommandException("region " + name() + " (store " + storeName()
                    + ") is not running; cannot run: " + commandLine);
            }
            try {
                return r.admin().execute(commandLine);
            } catch (AdminException e) {
                throw new AdminCommandException(e.getMessage());
            }
        };
    }

    @Override
    public Agent agent() {
        return agents.size() == 1 ? agents.get(0) : new AgentGroup(agents);
    }

    @Override
    public List<Agent> agents() {
        return List.copyOf(agents);
    }

    @Override
    public synchronized void restart() {
        ReferenceRegion old = running;
        running = null; // agents now see the region as down instead of a closing store
        if (old != null) {
            old.close();
        }
        running = ReferenceRegion.start(options);
    }

    @Override
    public void skewClock(Duration offset) {
        clock.setOffset(offset);
    }

    @Override
    public void freezeClock(Instant at) {
        clock.freeze(at);
    }

    /** Stops the region (not its agent). Idempotent. */
    @Override
    public synchronized void close() {
        ReferenceRegion r = running;
        running = null;
        if (r != null) {
            r.close();
        }
    }

    @Override
    public String toString() {
        return name() + "/" + storeName() + " at " + endpoint() + (running == null ? " (down)" : "");
    }
}
