package io.mrtck.reference.agent;

import java.time.Clock;
import java.util.Set;
import java.util.function.Function;

import io.mrtck.reference.Mutant;
import io.mrtck.reference.mr.RemoteChangeApplier;
import io.mrtck.reference.store.RegionStore;

/**
 * Connects agents to regions running in this JVM, found by store name. {@code remoteLink}
 * may wrap each remote access (a topology adds its link faults there).
 */
public final class InJvmConnector implements RegionConnector {
    private final Function<String, RegionStore> storesByName;
    private final Clock clock;
    private final Set<Mutant> mutants;
    private final Function<RemoteRegionAccess, RemoteRegionAccess> remoteLink;

    /** @param storesByName the current store of a store name (null while that region is down) */
    public InJvmConnector(Function<String, RegionStore> storesByName, Clock clock, Set<Mutant> mutants,
                          Function<RemoteRegionAccess, RemoteRegionAccess> remoteLink) {
        this.storesByName = storesByName;
        this.clock = clock;
        this.mutants = mutants;
        this.remoteLink = remoteLink;
    }

    @Override
    public LocalRegionAccess local(AgentConfig config) {
        return new InJvmLocalRegion(() -> storesByName.apply(config.store()), clock,
            RemoteChangeApplier.withDefects(mutants), mutants.contains(Mutant.STREAMED_OPS_LOST_UNDER_LOAD));
    }

    @Override
    public RemoteRegionAccess remote(AgentConfig config, AgentConfig.RemoteRegion region) {
        return remoteLink.apply(new InJvmRemoteRegion(region.name(), () -> storesByName.apply(region.store()),
            config.asChangeLogReader()));
    }
}
