package io.mrtck.backup;

import java.util.List;

import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;

/**
 * Where the SDK reaches a store named as the Migrator and kvtool name it ({@code storeName} and
 * {@code helperHosts}): the tools reach stores only through an SDK endpoint (an HTTP proxy). In a
 * running topology the store name tells the region; otherwise the first helper host is taken as the
 * endpoint, which is right for the reference's KVHOME (its store serves the SDK on that port). For
 * a real store give the proxy's endpoint (the config's {@code endpoint} field, kvtool's {@code -endpoint}).
 */
@FunctionalInterface
public interface StoreLocator {

    /** The SDK endpoint ({@code http://host:port}) of the store. */
    String endpoint(String storeName, List<String> helperHosts);

    /** The first helper host as {@code http://host:port}. */
    static StoreLocator helperHosts() {
        return (store, helpers) -> {
            if (helpers == null || helpers.isEmpty()) {
                throw new BackupException("store " + store + ": no helper host and no endpoint to reach it by");
            }
            return "http://" + helpers.get(0).strip();
        };
    }

    /** The region of {@code topology} whose store has that name; other stores by their helper hosts. */
    static StoreLocator of(Topology topology) {
        return (store, helpers) -> topology.regions().stream().filter(r -> r.storeName().equalsIgnoreCase(store))
            .map(Region::endpoint).findFirst().orElseGet(() -> helperHosts().endpoint(store, helpers));
    }
}
