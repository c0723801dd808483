package io.mrtck.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import io.mrtck.backup.Backup;
import io.mrtck.backup.Restore;
import io.mrtck.backup.freshest.FreshestRegion;
import io.mrtck.client.RegionClients;
import io.mrtck.client.TableFingerprint;
import io.mrtck.topology.Topology;

/**
 * The backup suites' vocabulary over a topology: back up, restore (with the suites' short quiet
 * period and the first-write bound), read what a region holds of a table as a backup compares it
 * (value and expiration time by key; modification times are not restored) and compare it in every
 * region, naming only the keys that differ.
 */
public final class BackupFixture {
    public static final int REQUEST_TIMEOUT_MS = 10_000;
    /** The restore's quiet period: the suite's own writes are over and replicated before it starts. */
    public static final Duration QUIET = Duration.ofMillis(500);
    private static final int SHOWN = 10;

    private final Topology topology;
    private final RegionClients clients;
    private final MrFixture mr;

    public BackupFixture(Topology topology, RegionClients clients, MrFixture mr) {
        this.topology = topology;
        this.clients = clients;
        this.mr = mr;
    }

    public Backup backup() {
        return new Backup(topology, clients, System.out, REQUEST_TIMEOUT_MS);
    }

    /** A restore of {@code dir} into {@code into} (null: the backup's region), waiting at most the first-write bound. */
    public Restore.Result restore(Path dir, String into, boolean force) throws IOException {
        return new Restore(topology, clients, System.out, REQUEST_TIMEOUT_MS).run(dir,
            new Restore.Options(into, force, QUIET, MrFixture.firstWriteTimeout()));
    }

    /** Waits until the agents' statistics let the freshest region be chosen (they come once per interval). */
    public void awaitStatistics(String table) {
        FreshestRegion freshest = new FreshestRegion(topology, clients);
        // in this thread: an admin command of the embedded target reads the store, which an interrupt would break
        await("agent statistics that choose a region for " + table).atMost(MrFixture.firstWriteTimeout())
            .pollInSameThread().pollInterval(Duration.ofMillis(200)).until(() -> freshest.choose(table).region() != null);
    }

    /** Each row's value and expiration time as {@code region} shows them, by key. */
    public Map<String, String> image(String region, String table, List<String> keys) {
        Map<String, String> out = new TreeMap<>();
        TableFingerprint.read(mr.in(region), table, keys).rows()
            .forEach((k, r) -> out.put(k, r.valueJson() + " expires " + r.expirationTime()));
        return out;
    }

    public void assertEveryRegionHolds(String table, List<String> keys, Map<String, String> expected, String what) {
        for (String r : mr.regionNames()) {
            assertThat(differences(expected, image(r, table, keys)))
                .as("%s: rows of %s in %s that differ (key: expected -> held)", what, table, r).isEmpty();
        }
    }

    /** The keys whose rows differ, with both sides ("(none)" for a missing row); a few at most. */
    static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        List<String> out = new ArrayList<>();
        int more = 0;
        for (String k : keys) {
            if (!Objects.equals(expected.get(k), actual.get(k))) {
                if (out.size() < SHOWN) {
                    out.add(k + ": " + Objects.toString(expected.get(k), "(none)") + " -> " + Objects.toString(actual.get(k), "(none)"));
                } else {
                    more++;
                }
            }
        }
        if (more > 0) {
            out.add("and " + more + " more");
        }
        return out;
    }

    /** The region of the topology that is not {@code region} (two regions). */
    public String other(String region) {
        return mr.regionNames().stream().filter(r -> !r.equalsIgnoreCase(region)).findFirst().orElseThrow();
    }
}
