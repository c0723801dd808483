package io.mrtck.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.mrtck.reference.admin.AdminCommands;
import io.mrtck.reference.admin.StoreDeployment;
import io.mrtck.reference.agent.AgentEndpoint;
import io.mrtck.reference.data.Rows;
import io.mrtck.reference.protocol.RegionContext;
import io.mrtck.reference.protocol.RegionServer;
import io.mrtck.reference.protocol.RequestDispatcher;
import io.mrtck.reference.sql.SqlEngine;
import io.mrtck.reference.store.ChangeLogTruncator;
import io.mrtck.reference.store.Purger;
import io.mrtck.reference.store.RegionStore;

/**
 * One reference region running in this JVM: its durable store under a root directory and
 * the SDK's HTTP endpoint. Restart = {@link #close()}, then {@link #start} on the same root.
 */
public final class ReferenceRegion implements AutoCloseable {
    /** Expired rows are invisible at once; the purge only reclaims their space. */
    private static final Duration PURGE_INTERVAL = Duration.ofSeconds(60);
    /** Often enough that a fast writer's log stays small once the agents keep up. */
    private static final Duration TRUNCATE_INTERVAL = Duration.ofMillis(200);

    private final RegionOptions options;
    private final RegionStore store;
    private final RegionContext context;
    private final RegionServer server;
    private final AdminCommands admin;
    private final Purger purger;
    private final ChangeLogTruncator truncator;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ReferenceRegion(RegionOptions options, RegionStore store, RegionContext context,
                            RegionServer server, Purger purger, ChangeLogTruncator truncator, AdminCommands admin) {
        this.options = options;
        this.admin = admin;
        this.store = store;
        this.context = context;
        this.server = server;
        this.purger = purger;
        this.truncator = truncator;
    }

    public static ReferenceRegion start(RegionOptions options) {
        try {
            Files.createDirectories(options.root());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create region root " + options.root(), e);
        }
        RegionStore store = RegionStore.open(options.root());
        try {
            Rows rows = new Rows(store, options.clock(), options.limits(), options.mutants());
            SqlEngine sql = new SqlEngine(store, rows, options.clock());
            RegionContext ctx = new RegionContext(store, rows, sql, options.clock(), options.name());
            AdminCommands admin = new AdminCommands(store, sql,
                new StoreDeployment(options.storeName(), options.root().resolve("store-name")), options.name());
            // Agents in other processes (xrstart) reach the store through the same port as its admin.
            AgentEndpoint agentApi = new AgentEndpoint(store, options.clock(), options.mutants());
            RegionServer server = RegionServer.start(new RequestDispatcher(ctx), admin, agentApi, options.port(),
                options.limits());
            Purger purger = new Purger(store, options.clock(), PURGE_INTERVAL, options.tombstoneTtl()).start();
            ChangeLogTruncator truncator = new ChangeLogTruncator(store, TRUNCATE_INTERVAL).start();
            return new ReferenceRegion(options, store, ctx, server, purger, truncator, admin);
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
    }

    /** The SDK endpoint, {@code http://localhost:PORT}. */
    public String endpoint() {
        return "http://localhost:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public Path root() {
        return options.root();
    }

    /** The display name given at start, or null. */
    public String name() {
        return options.name();
    }

    public RegionOptions options() {
        return options;
    }

    /**
     * The region's store, for in-JVM components of the reference itself (XRegion agent,
     * admin commands). Conformance suites must not use it: they see only the SDK endpoint.
     */
    public RegionStore store() {
        return store;
    }

    /** The row layer (same caveat as {@link #store()}). */
    public Rows rows() {
        return context.rows();
    }

    /** The SQL engine (same caveat as {@link #store()}). */
    public SqlEngine sql() {
        return context.sql();
    }

    /** The admin commands of this region (also served at {@code POST /mrtck/admin}). */
    public AdminCommands admin() {
        return admin;
    }

    /** Stops the server (open connections are closed), then closes the store. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            purger.close();
            truncator.close();
            server.close();
        } finally {
            store.close();
        }
    }

    @Override
    public String toString() {
        return "ReferenceRegion[" + (options.name() == null ? "" : options.name() + " ")
            + endpoint() + ", root " + options.root() + "]";
    }
}
