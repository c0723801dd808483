package io.mrtck.reference.store;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The catalog entries that only DDL changes — table definitions ({@code t/}), table ids
 * ({@code i/}) and the region list — as last read from the store. Valid while no catalog
 * change runs: {@link RegionStore} lets transactions use them only while holding its catalog
 * lock shared, and empties them when a catalog change (which holds the lock alone) ends.
 * Reading the three of them from the store, under a lock, was a fifth of a put's CPU.
 */
final class CatalogDefinitions {
    static final String REGIONS_KEY = "m/regions";

    private final ConcurrentHashMap<String, Optional<byte[]>> entries = new ConcurrentHashMap<>();

    /** Whether {@code key} is an entry that only a catalog change writes. */
    static boolean covers(String key) {
        return key.startsWith("t/") || key.startsWith("i/") || key.equals(REGIONS_KEY);
    }

    Optional<byte[]> get(String key, Supplier<Optional<byte[]>> stored) {
        return entries.computeIfAbsent(key, k -> stored.get());
    }

    void clear() {
        entries.clear();
    }
}
