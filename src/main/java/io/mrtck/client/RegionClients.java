package io.mrtck.client;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.NoSQLHandleConfig;
import oracle.nosql.driver.NoSQLHandleFactory;
import oracle.nosql.driver.kv.StoreAccessTokenProvider;

/**
 * One SDK handle per region of a topology, configured as an application would for an
 * unsecured on-prem proxy. Handles reconnect by themselves after a region restart.
 */
public final class RegionClients implements AutoCloseable {
    /** Per request; long enough for a region that is restarting under the request. */
    public static final int REQUEST_TIMEOUT_MS = 10_000;

    private final Map<String, NoSQLHandle> handles = new LinkedHashMap<>();

    public RegionClients(Topology topology) {
        try {
            for (Region r : topology.regions()) {
                handles.put(r.name().toUpperCase(Locale.ROOT), open(r.endpoint()));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static NoSQLHandle open(String endpoint) {
        return open(endpoint, REQUEST_TIMEOUT_MS);
    }

    /** A handle to one SDK endpoint of an unsecured on-prem proxy (the caller closes it). */
    public static NoSQLHandle open(String endpoint, int requestTimeoutMs) {
        NoSQLHandleConfig config = new NoSQLHandleConfig(endpoint);
        config.setAuthorizationProvider(new StoreAccessTokenProvider());
        config.setRequestTimeout(requestTimeoutMs);
        return NoSQLHandleFactory.createNoSQLHandle(config);
    }

    /** @throws IllegalArgumentException for a region the topology does not have */
    public NoSQLHandle handle(String region) {
        NoSQLHandle h = handles.get(region.toUpperCase(Locale.ROOT));
        if (h == null) {
            throw new IllegalArgumentException("no handle for region " + region + "; regions: " + handles.keySet());
        }
        return h;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (NoSQLHandle h : handles.values()) {
            try {
                h.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        handles.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
