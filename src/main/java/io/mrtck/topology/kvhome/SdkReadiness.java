package io.mrtck.topology.kvhome;

import java.time.Duration;

import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.NoSQLHandleConfig;
import oracle.nosql.driver.NoSQLHandleFactory;
import oracle.nosql.driver.kv.StoreAccessTokenProvider;
import oracle.nosql.driver.ops.ListTablesRequest;

/** A region's SDK endpoint is ready when a real SDK request (list tables) succeeds through it. */
public final class SdkReadiness {
    private static final java.util.logging.Logger QUIET = quiet();

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger("mrtck.sdk-readiness-probe");
        l.setLevel(java.util.logging.Level.OFF);
        l.setUseParentHandlers(false);
        return l;
    }

    private SdkReadiness() {
    }

    /** Waits until {@code endpoint} answers, at most {@code timeout}; the message says what was seen last. */
    public static void await(String endpoint, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            NoSQLHandleConfig config = new NoSQLHandleConfig(endpoint);
            config.setAuthorizationProvider(new StoreAccessTokenProvider());
            config.setRequestTimeout(2_000);
            config.setLogger(QUIET); // a probe of an endpoint still starting fails by design
            NoSQLHandle h = NoSQLHandleFactory.createNoSQLHandle(config);
            try {
                h.listTables(new ListTablesRequest());
                return;
            } catch (RuntimeException e) {
                last = e;
            } finally {
                h.close();
            }
            pause(200);
        }
        throw new IllegalStateException(what + ": the SDK endpoint " + endpoint + " did not answer within "
            + timeout.toSeconds() + " s; last error: " + last);
    }

    /** Polling interval between readiness probes of something starting in another process. */
    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
