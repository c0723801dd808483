package io.mrtck.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.pollinterval.IterativePollInterval;

import oracle.nosql.driver.NoSQLHandle;

/**
 * Waits, within a bounded time, until every region shows the same table; returns as soon
 * as they agree. On timeout the error names every diverging key and what each region holds.
 */
public final class Convergence {
    /**
     * Each poll reads every row of the table in every region: the first polls come quickly
     * (replication usually takes milliseconds), later ones every 100 ms, so that a wait through
     * a fault does not spend the machine's CPU on reading tables over and over.
     */
    private static final IterativePollInterval BACKING_OFF = new IterativePollInterval(
        d -> d.multipliedBy(2).compareTo(Duration.ofMillis(100)) > 0 ? Duration.ofMillis(100) : d.multipliedBy(2),
        Duration.ofMillis(10));
    private final Map<String, NoSQLHandle> regions;
    private final Duration timeout;
    /** Each region's row shape of a table, read once per wait. */
    private final Map<String, ValueShape> shapes = new ConcurrentHashMap<>();

    /** @param regions SDK handles by region name */
    public Convergence(Map<String, NoSQLHandle> regions, Duration timeout) {
        this.regions = new LinkedHashMap<>(regions);
        this.timeout = timeout;
    }

    /** The common fingerprint once all regions agree (and, if given, it satisfies {@code expectation}). */
    public TableFingerprint await(String table, List<String> keyColumns) {
        Map<String, TableFingerprint>[] last = new Map[1];
        try {
            Awaitility.await("regions " + regions.keySet() + " agree on " + table)
                .atMost(timeout).pollInterval(BACKING_OFF)
                .until(() -> {
                    last[0] = read(table, keyColumns);
                    return TableFingerprint.differences(last[0]).isEmpty();
                });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(describe(table, last[0]), e);
        }
        return last[0].values().iterator().next();
    }

    public Map<String, TableFingerprint> read(String table, List<String> keyColumns) {
        Map<String, TableFingerprint> out = new LinkedHashMap<>();
        regions.forEach((name, handle) -> out.put(name, TableFingerprint.read(handle, table, keyColumns,
            shapes.computeIfAbsent(name + "/" + table, k -> TableFingerprint.shape(handle, table)))));
        return out;
    }

    private String describe(String table, Map<String, TableFingerprint> byRegion) {
        if (byRegion == null) {
            return "regions " + regions.keySet() + " could not be read within " + timeout;
        }
        SortedMap<String, Map<String, RowImage>> diff = TableFingerprint.differences(byRegion);
        StringBuilder b = new StringBuilder("regions did not converge on table " + table + " within " + timeout
            + "; " + diff.size() + " key(s) differ:");
        diff.forEach((key, images) -> {
            b.append("\n  key ").append(key);
            images.forEach((region, image) -> b.append("\n    ").append(region).append(": ")
                .append(image == null ? "(no row)" : image));
        });
        return b.toString();
    }
}
