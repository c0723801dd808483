package io.mrtck.reference;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import io.mrtck.reference.data.Limits;

/**
 * How to start a {@link ReferenceRegion}.
 *
 * @param root   the region's directory (store, catalog); created if missing
 * @param port   HTTP port; 0 = a free port
 * @param clock  the region's clock (modification times, TTL); inject one to skew it
 * @param limits size limits
 * @param name   display name (e.g. "FR"); may be null
 * @param tombstoneTtl how long MR deletes are remembered for conflict resolution (default 7 days)
 * @param storeName the store name the admin reports (e.g. "OUGFR"); may be null
 * @param mutants  defects switched on: region defects ({@link Mutant#inRegion()}) act in this
 *                 region's store and SQL; agent defects act when an agent in another process
 *                 applies through this store (in-JVM agents carry their own); empty = none
 */
public record RegionOptions(Path root, int port, Clock clock, Limits limits, String name, Duration tombstoneTtl,
                            String storeName, Set<Mutant> mutants) {

    public RegionOptions {
        Objects.requireNonNull(root, "root");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        clock = clock == null ? Clock.systemUTC() : clock;
        limits = limits == null ? Limits.defaults() : limits;
        tombstoneTtl = tombstoneTtl == null ? Duration.ofDays(7) : tombstoneTtl;
        mutants = mutants == null ? Set.of() : Set.copyOf(mutants);
    }

    /** A free port, the system UTC clock, default limits, no name. */
    public static RegionOptions of(Path root) {
        return new RegionOptions(root, 0, null, null, null, null, null, Set.of());
    }

    public RegionOptions withPort(int newPort) {
        return new RegionOptions(root, newPort, clock, limits, name, tombstoneTtl, storeName, mutants);
    }

    public RegionOptions withClock(Clock newClock) {
        return new RegionOptions(root, port, newClock, limits, name, tombstoneTtl, storeName, mutants);
    }

    public RegionOptions withLimits(Limits newLimits) {
        return new RegionOptions(root, port, clock, newLimits, name, tombstoneTtl, storeName, mutants);
    }

    public RegionOptions withName(String newName) {
        return new RegionOptions(root, port, clock, limits, newName, tombstoneTtl, storeName, mutants);
    }

    public RegionOptions withTombstoneTtl(Duration ttl) {
        return new RegionOptions(root, port, clock, limits, name, ttl, storeName, mutants);
    }

    public RegionOptions withMutants(Set<Mutant> newMutants) {
        return new RegionOptions(root, port, clock, limits, name, tombstoneTtl, storeName, newMutants);
    }

    public RegionOptions withStoreName(String newStoreName) {
        return new RegionOptions(root, port, clock, limits, name, tombstoneTtl, newStoreName, mutants);
    }
}
